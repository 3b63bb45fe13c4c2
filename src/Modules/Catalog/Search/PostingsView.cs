using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// A segment whose terms' postings a search reads another way (<see cref="CandidateReader"/>: at the candidates only;
/// <see cref="CommonTermsReader"/>: from remembered frequencies); term and field statistics, norms, deletions and
/// document numbers stay the segment's own, so every document scores as over the segment.
/// </summary>
internal abstract class PostingsView(AtomicReader segment) : FilterAtomicReader(segment)
{
    public override Fields Fields => new ViewFields(base.Fields, this);

    /// <summary>The documents of the term <paramref name="term"/> is positioned on, or null to read the segment's postings.</summary>
    protected abstract DocsEnum? Docs(string field, TermsEnum term, IBits? liveDocs);

    /// <summary>The documents with positions of the term <paramref name="term"/> is positioned on, or null to read the segment's postings.</summary>
    protected virtual DocsAndPositionsEnum? DocsAndPositions(string field, TermsEnum term, IBits? liveDocs) => null;

    protected override void DoClose()
    {
        // The segment is the index reader's, which closes it.
    }

    private sealed class ViewFields(Fields fields, PostingsView view) : FilterFields(fields)
    {
        public override Terms GetTerms(string field) => m_input.GetTerms(field) is { } terms ? new ViewTerms(terms, field, view) : null!;
    }

    private sealed class ViewTerms(Terms terms, string field, PostingsView view) : FilterTerms(terms)
    {
        public override TermsEnum GetEnumerator() => new ViewTermsEnum(m_input.GetEnumerator(), field, view);

        public override TermsEnum GetEnumerator(TermsEnum reuse) => GetEnumerator();
    }

    /// <summary>
    /// Each term's postings from the view, or from the segment; a postings enumerator is never offered for reuse,
    /// as it may be one of a view's own.
    /// </summary>
    private sealed class ViewTermsEnum(TermsEnum terms, string field, PostingsView view) : FilterTermsEnum(terms)
    {
        public override bool SeekExact(BytesRef text) => m_input.SeekExact(text);

        public override void SeekExact(BytesRef term, TermState state) => m_input.SeekExact(term, state);

        public override TermState GetTermState() => m_input.GetTermState();

        public override DocsEnum Docs(IBits liveDocs, DocsEnum reuse, DocsFlags flags) =>
            view.Docs(field, m_input, liveDocs) ?? m_input.Docs(liveDocs, null, flags);

        public override DocsAndPositionsEnum DocsAndPositions(IBits liveDocs, DocsAndPositionsEnum reuse, DocsAndPositionsFlags flags) =>
            view.DocsAndPositions(field, m_input, liveDocs) ?? m_input.DocsAndPositions(liveDocs, null, flags);
    }
}
