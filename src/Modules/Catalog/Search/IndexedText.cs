using Funeng.Catalog.Search.Glossary;

namespace Funeng.Catalog.Search;

/// <summary>
/// A listing's or profile's Chinese as the index searches it: in simplified characters. A supplier from Hong Kong or
/// Macao writes 語音識別; an owner searching 语音识别 (or 語音識別, which a query reads the same way) should find it.
/// Converted by CC-CEDICT as a query is (<see cref="GeneralDictionary.Simplified"/>); the text is stored and shown as
/// written. Same length as the text, so a highlight's offsets found in this text mark the written one.
/// </summary>
internal static class IndexedText
{
    public static string Of(string text) => GeneralDictionary.Shipped.Simplified(text);
}
