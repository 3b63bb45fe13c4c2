using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace Funeng.Catalog.Search;

/// <summary>
/// The index's files read memory-mapped: a search reads the operating system's cached pages in place, where reading
/// through file handles copied them into each reader's buffer, a system call per kilobyte (some 8 % of a broad search's
/// time at 1 M; bench/results/catalog.md, stop 33). Unlike Lucene.Net's own mapped directory, clones of an input are not
/// tracked to unmap the file when it closes (that weak table made a long-running server's collections slower and slower;
/// docs/decisions/0017-index-reading.md): a file stays mapped until no input of it is left, and the collector then
/// releases it. A merged-away file's disk space therefore returns a collection later than it would through file handles.
/// </summary>
internal sealed class MappedDirectory(DirectoryInfo path, LockFactory locks) : FSDirectory(path, locks)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        var file = Map(name);
        return new MappedInput($"MappedInput(path=\"{file.Path}\")", file, 0, file.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer(Map(name));

    private MappedFile Map(string name)
    {
        EnsureOpen();
        return MappedFile.Open(System.IO.Path.Combine(Directory.FullName, name));
    }

    /// <summary>The parts of a compound file, each read in place.</summary>
    private sealed class Slicer(MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > file.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"Slice {sliceDescription} [{offset}, {offset + length}) is outside {file.Path} ({file.Length} bytes).");
            }

            return new MappedInput($"MappedInput(path=\"{file.Path}\" slice={sliceDescription})", file, offset, length);
        }

        [Obsolete("Only for reading the compound files of Lucene 3.x, which this index never holds.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full", 0, file.Length);

        protected override void Dispose(bool disposing)
        {
            // The slices read the mapping; it goes when the last of them does.
        }
    }
}

/// <summary>
/// One file mapped read-only, released by the collector once no input refers to it (so no input can read memory the
/// file no longer occupies). An empty file is not mapped.
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedViewAccessor? _view;

    private MappedFile(string path, long length, MemoryMappedViewAccessor? view, byte* start)
    {
        (Path, Length, _view) = (path, length, view);
        Start = start;
    }

    ~MappedFile()
    {
        // The view's handle outlives this object's finalizer (handles are finalized last): give back the pointer taken
        // at opening, and let the handle's own finalizer unmap the view.
        _view?.SafeMemoryMappedViewHandle.ReleasePointer();
    }

    public string Path { get; }

    public long Length { get; }

    public byte* Start { get; }

    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        if (length == 0)
        {
            return new MappedFile(path, 0, null, null);
        }

        // The view stays mapped once the file and its mapping object are closed: only the view is kept.
        using var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        try
        {
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new MappedFile(path, length, view, start + view.PointerOffset);
        }
        catch
        {
            // Not mapped after all: nothing is left open behind the error.
            view.Dispose();
            throw;
        }
    }
}

/// <summary>
/// Reads a range of a <see cref="MappedFile"/> (the whole file, or a compound file's part). A clone reads the same
/// mapping from its own position; closing an input releases nothing (<see cref="MappedFile"/> says why).
/// </summary>
internal sealed unsafe class MappedInput(string description, MappedFile file, long offset, long length) : IndexInput(description)
{
    private long _position;

    public override long Length => length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > length)
        {
            throw new EndOfStreamException($"Seek to {pos} outside {this} ({length} bytes).");
        }

        _position = pos;
    }

    public override byte ReadByte()
    {
        if (_position >= length)
        {
            throw new EndOfStreamException($"Read past the end of {this}.");
        }

        var value = file.Start[offset + _position++];
        GC.KeepAlive(file);
        return value;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        Bytes(len).CopyTo(b.AsSpan(offset, len));
        GC.KeepAlive(file);
    }

    public override void ReadBytes(byte[] b, int offset, int len, bool useBuffer) => ReadBytes(b, offset, len);

    public override short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(Bytes(sizeof(short)));
        GC.KeepAlive(file);
        return value;
    }

    public override int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(Bytes(sizeof(int)));
        GC.KeepAlive(file);
        return value;
    }

    public override long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(Bytes(sizeof(long)));
        GC.KeepAlive(file);
        return value;
    }

    /// <summary>Lucene's variable-length integer (seven bits a byte, at most five bytes), read in place.</summary>
    public override int ReadVInt32()
    {
        if (length - _position < 5)
        {
            // Near the end, byte by byte: the base checks each byte against the end.
            return base.ReadVInt32();
        }

        var bytes = file.Start + offset + _position;
        var value = 0;
        for (var n = 0; n < 4; n++)
        {
            value |= (bytes[n] & 0x7F) << (7 * n);
            if (bytes[n] < 0x80)
            {
                _position += n + 1;
                GC.KeepAlive(file);
                return value;
            }
        }

        var last = bytes[4];
        GC.KeepAlive(file);
        if ((last & 0xF0) != 0)
        {
            throw new IOException($"Invalid vInt detected (too many bits) in {this} at {_position}.");
        }

        _position += 5;
        return value | (last << 28);
    }

    /// <summary>Lucene's variable-length long (seven bits a byte, at most nine bytes), read in place.</summary>
    public override long ReadVInt64()
    {
        if (length - _position < 9)
        {
            return base.ReadVInt64();
        }

        var bytes = file.Start + offset + _position;
        var value = 0L;
        for (var n = 0; n < 9; n++)
        {
            value |= (long)(bytes[n] & 0x7F) << (7 * n);
            if (bytes[n] < 0x80)
            {
                _position += n + 1;
                GC.KeepAlive(file);
                return value;
            }
        }

        GC.KeepAlive(file);
        throw new IOException($"Invalid vLong detected (negative values disallowed) in {this} at {_position}.");
    }

    public override void SkipBytes(long numBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
        Seek(_position + numBytes);
    }

    protected override void Dispose(bool disposing)
    {
        // The mapping is released when no input refers to it: clones are never closed, and may still be reading.
    }

    /// <summary>The next <paramref name="count"/> bytes in place, the position moved past them.</summary>
    private ReadOnlySpan<byte> Bytes(int count)
    {
        if (count < 0 || count > length - _position)
        {
            throw new EndOfStreamException($"Read of {count} bytes past the end of {this} (at {_position} of {length}).");
        }

        // Callers keep the file alive (GC.KeepAlive) until they have read the span.
        var bytes = new ReadOnlySpan<byte>(file.Start + offset + _position, count);
        _position += count;
        return bytes;
    }
}
