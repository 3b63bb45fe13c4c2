using Funeng.Catalog.Search;
using Funeng.Kernel.Database;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Tests.Search;

/// <summary>
/// Decision 0017: the catalog index is read memory-mapped through the platform's own reader
/// (<see cref="MappedDirectory"/>), which reads what Lucene wrote, as Lucene's readers do, and stops at a file's or a
/// slice's end with the error Lucene expects there. Lucene.Net 4.8's own mapped reader, which <c>FSDirectory.Open</c>
/// picks on Linux, made a long-running server's searches slower and slower.
/// </summary>
public sealed class IndexReadingTests : IDisposable
{
    private static readonly int[] Ints = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, int.MaxValue, -1, int.MinValue];
    private static readonly long[] Longs = [0, 127, 128, (1L << 35) + 5, long.MaxValue];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funeng-reading-" + Guid.NewGuid().ToString("N"));

    public IndexReadingTests() => System.IO.Directory.CreateDirectory(_folder);

    [Fact]
    public void The_index_is_read_through_the_platforms_own_mapped_reader()
    {
        using var index = new CatalogIndex(Options.Create(new CatalogOptions { IndexDirectory = _folder }),
            new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "unused.db")}"));
        index.Commit();

        var directory = index.Search(searcher => ((DirectoryReader)searcher.IndexReader).Directory);

        Assert.IsType<MappedDirectory>(directory);
    }

    [Fact]
    public void A_mapped_file_reads_what_was_written_as_lucenes_file_reader_does_and_a_clone_reads_on_its_own()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder), NoLockFactory.GetNoLockFactory());
        Write(mapped, "values.bin");
        using var files = new SimpleFSDirectory(new DirectoryInfo(_folder));

        using var read = mapped.OpenInput("values.bin", IOContext.READ);
        using var expected = files.OpenInput("values.bin", IOContext.READ);

        Assert.Equal(expected.Length, read.Length);
        Assert.Equal(Values(expected), Values(read));
        Assert.Equal(read.Length, read.Position);

        read.Seek(1);
        var clone = (IndexInput)read.Clone();
        Assert.Equal(1, clone.Position);
        Assert.Equal(Values(expected, from: 1), Values(clone, from: 1));
        Assert.Equal(1, read.Position);
    }

    [Fact]
    public void Reading_or_seeking_past_the_end_of_a_file_or_a_slice_fails_as_lucene_expects()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder), NoLockFactory.GetNoLockFactory());
        Write(mapped, "values.bin");
        using (var empty = mapped.CreateOutput("empty.bin", IOContext.DEFAULT))
        {
        }

        using var read = mapped.OpenInput("values.bin", IOContext.READ);
        read.Seek(read.Length);
        Assert.Throws<EndOfStreamException>(() => read.ReadByte());
        Assert.Throws<EndOfStreamException>(() => read.Seek(read.Length + 1));
        read.Seek(read.Length - 2);
        Assert.Throws<EndOfStreamException>(() => read.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => read.ReadBytes(new byte[3], 0, 3));

        using var nothing = mapped.OpenInput("empty.bin", IOContext.READ);
        Assert.Equal(0, nothing.Length);
        Assert.Throws<EndOfStreamException>(() => nothing.ReadByte());

        // A compound file's part: its own positions from 0, its own end.
        using var slicer = mapped.CreateSlicer("values.bin", IOContext.READ);
        using var slice = slicer.OpenSlice("part", 3, 10);
        var bytes = new byte[10];
        slice.ReadBytes(bytes, 0, 10);
        read.Seek(3);
        var whole = new byte[10];
        read.ReadBytes(whole, 0, 10);
        Assert.Equal(whole, bytes);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.Seek(11));
        Assert.Throws<ArgumentOutOfRangeException>(() => slicer.OpenSlice("beyond", read.Length - 2, 3));
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    /// <summary>Every kind of value Lucene's readers ask for, ending with a variable-length integer in the file's last bytes.</summary>
    private static void Write(Lucene.Net.Store.Directory directory, string name)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteByte(7);
        output.WriteInt16(-12_345);
        foreach (var value in Ints)
        {
            output.WriteInt32(value);
            output.WriteVInt32(value);
        }

        foreach (var value in Longs)
        {
            output.WriteInt64(value);
            output.WriteVInt64(value);
        }

        output.WriteBytes([1, 2, 3, 4, 5], 5);
        output.WriteString("红树林巡护");
        output.WriteVInt32(int.MaxValue);
    }

    /// <summary>The values <see cref="Write"/> wrote, read from <paramref name="from"/> on as bytes, then from the start as values.</summary>
    private static List<string> Values(IndexInput input, long from = 0)
    {
        var values = new List<string>();
        input.Seek(from);
        var bytes = new byte[input.Length - from];
        input.ReadBytes(bytes, 0, bytes.Length);
        values.Add(Convert.ToHexString(bytes));
        if (from > 0)
        {
            return values;
        }

        input.Seek(0);
        values.Add(input.ReadByte().ToString(System.Globalization.CultureInfo.InvariantCulture));
        values.Add(input.ReadInt16().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var _ in Ints)
        {
            values.Add($"{input.ReadInt32()} {input.ReadVInt32()}");
        }

        foreach (var _ in Longs)
        {
            values.Add($"{input.ReadInt64()} {input.ReadVInt64()}");
        }

        input.SkipBytes(5);
        values.Add(input.ReadString());
        values.Add(input.ReadVInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }
}
