using System.Globalization;
using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Web;

/// <summary>
/// A message argument that words itself when it is read, in the reader's language, from the strings and data it holds
/// (an award formula naming its parameter and fact codes by their labels); <see cref="ProblemMessage"/> asks it.
/// </summary>
public interface IReaderText
{
    string WordedIn(UiText text, CultureInfo culture);
}
