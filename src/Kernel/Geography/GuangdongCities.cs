using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Geography;

/// <summary>One of Guangdong's 21 prefecture-level cities.</summary>
/// <param name="Slug">Stable key used in data files and URLs, e.g. <c>guangzhou</c>.</param>
/// <param name="Name">Its name in Chinese and English.</param>
public sealed record City(string Slug, LocalizedText Name);

/// <summary>The 21 prefecture-level cities of Guangdong, and how scopes ("province", "city:guangzhou") are written.</summary>
public static class GuangdongCities
{
    public const string ProvinceScope = "province";
    public const string CityScopePrefix = "city:";

    public static IReadOnlyList<City> All { get; } =
    [
        new("guangzhou", new("广州", "Guangzhou")),
        new("shenzhen", new("深圳", "Shenzhen")),
        new("zhuhai", new("珠海", "Zhuhai")),
        new("shantou", new("汕头", "Shantou")),
        new("foshan", new("佛山", "Foshan")),
        new("shaoguan", new("韶关", "Shaoguan")),
        new("heyuan", new("河源", "Heyuan")),
        new("meizhou", new("梅州", "Meizhou")),
        new("huizhou", new("惠州", "Huizhou")),
        new("shanwei", new("汕尾", "Shanwei")),
        new("dongguan", new("东莞", "Dongguan")),
        new("zhongshan", new("中山", "Zhongshan")),
        new("jiangmen", new("江门", "Jiangmen")),
        new("yangjiang", new("阳江", "Yangjiang")),
        new("zhanjiang", new("湛江", "Zhanjiang")),
        new("maoming", new("茂名", "Maoming")),
        new("zhaoqing", new("肇庆", "Zhaoqing")),
        new("qingyuan", new("清远", "Qingyuan")),
        new("chaozhou", new("潮州", "Chaozhou")),
        new("jieyang", new("揭阳", "Jieyang")),
        new("yunfu", new("云浮", "Yunfu")),
    ];

    private static readonly Dictionary<string, City> BySlug = All.ToDictionary(c => c.Slug, StringComparer.Ordinal);

    public static City? Find(string slug) => BySlug.GetValueOrDefault(slug);

    /// <summary>A city's name in both languages; the slug itself in both when it is no city of Guangdong.</summary>
    public static LocalizedText NameOf(string slug) => Find(slug)?.Name ?? new LocalizedText(slug, slug);

    /// <summary>True for <c>province</c> or <c>city:&lt;slug&gt;</c> with a known slug.</summary>
    public static bool IsValidScope(string scope) =>
        scope == ProvinceScope ||
        (scope.StartsWith(CityScopePrefix, StringComparison.Ordinal) && BySlug.ContainsKey(scope[CityScopePrefix.Length..]));

    /// <summary>The display name of a scope: 广东省 / Guangdong Province, or the city.</summary>
    public static LocalizedText ScopeName(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope == ProvinceScope)
        {
            return new LocalizedText("广东省", "Guangdong Province");
        }

        var city = scope.StartsWith(CityScopePrefix, StringComparison.Ordinal) ? Find(scope[CityScopePrefix.Length..]) : null;
        return city?.Name ?? new LocalizedText(scope, scope);
    }
}
