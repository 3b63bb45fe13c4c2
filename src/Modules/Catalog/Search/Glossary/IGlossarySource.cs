namespace Funeng.Catalog.Search.Glossary;

/// <summary>The glossary that queries read now: the shipped file merged with the office's entries.</summary>
internal interface IGlossarySource
{
    /// <summary>An immutable snapshot; a change to the glossary swaps in a new one, so a query reads one version throughout.</summary>
    DomainGlossary Current { get; }
}
