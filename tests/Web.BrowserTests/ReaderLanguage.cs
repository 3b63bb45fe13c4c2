using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// Reads what a person sees on a page (visible text nodes, placeholders, options, the title, chart series and axis
/// names) and finds the texts that are not in the reader's language: on a Chinese page, Latin words that are not a
/// proper name or a code everyone writes in Latin; on an English page, Chinese that is not a name from the data;
/// on both, raw keys (<c>snake_case</c>, <c>dotted.key</c>, <c>⟦key⟧</c>).
/// </summary>
public static partial class ReaderLanguage
{
    /// <summary>Words written in Latin letters on Chinese pages too: acronyms, units, products and formats.</summary>
    public static readonly IReadOnlySet<string> LatinAllowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "AI", "AIGC", "GPU", "NPU", "CPU", "TPU", "API", "APIs", "CSV", "Excel", "ECharts", "JSON", "YAML", "HTTP", "HTTPS", "URL",
        "OpenAPI", "ID", "SHA", "DCAT", "EFLOPS", "PFLOPS", "TFLOPS", "FLOPS", "FP16", "FP32", "FP8", "BF16", "INT8",
        "GB", "TB", "PB", "MB", "KB", "GiB", "ms", "kWh", "MW", "Gbps", "km", "VR", "AR", "XR", "ICT", "IoT", "SME",
        "Slurm", "Kubernetes", "PostgreSQL", "SQLite", "Lucene", "NVIDIA", "Nvidia", "Ascend", "Huawei", "A100", "H100", "H800",
        "H20", "Kunpeng", "MindSpore", "PyTorch", "TensorFlow", "LLM", "Funeng", "Guangdong", "OCR", "RAG", "SaaS", "PaaS",
        "xlsx", "xls", "yaml", "csv", "json", "Bearer", "Authorization", "Token", "PUE", "GDP", "R&D", "CNY", "RMB", "HBM",
        "UTC", "CST", "QR", "PDF", "5G", "Markdown", "GET", "POST", "PUT", "UTF", "Pod", "Weng", "USENIX", "ATC", "Tetris", "FGD", "Philly", "Alibaba", "PAI", "openb", "log", "min", "max", "TOPS", "NVLink", "RoCE", "IB", "HCCS", "iOS", "Android", "Qwen", "DeepSeek", "GLM", "ChatGLM", "Baichuan", "LLaMA", "Llama",
    };

    // Chromium's own rendering of what a page asked for: visible text nodes, placeholders, options, the title,
    // and what an ECharts chart draws on its canvas (series, axis and legend names, axis labels of categories).
    private const string CollectScript = """
        () => {
          const texts = [document.title];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const element = node.parentElement;
            // code, kbd, samp and pre hold machine text on purpose: a CSV header to copy, an API call, a hash.
            if (!element || element.closest('script, style, noscript, template, select, code, kbd, samp, pre')) continue;
            // Text marked as another language (the language switch, a bilingual subtitle) is meant to be so.
            if (!element.closest('[lang]').lang.startsWith(document.documentElement.lang.slice(0, 2))) continue;
            if (!element.checkVisibility({ visibilityProperty: true })) continue;
            texts.push(node.textContent);
          }
          for (const element of document.querySelectorAll('[placeholder]')) {
            if (element.checkVisibility()) texts.push(element.getAttribute('placeholder'));
          }
          for (const select of document.querySelectorAll('select')) {
            if (select.checkVisibility()) for (const option of select.options) texts.push(option.textContent);
          }
          if (window.echarts) {
            for (const element of document.querySelectorAll('[_echarts_instance_]')) {
              const option = window.echarts.getInstanceByDom(element)?.getOption();
              if (!option) continue;
              for (const title of option.title ?? []) texts.push(title.text ?? '');
              for (const series of option.series ?? []) texts.push(series.name ?? '');
              for (const axis of [...(option.xAxis ?? []), ...(option.yAxis ?? []), ...(option.radar?.[0]?.indicator ?? [])]) {
                texts.push(axis.name ?? '');
                for (const value of axis.type === 'category' ? axis.data ?? [] : []) texts.push(typeof value === 'object' ? value.value : String(value));
              }
              for (const legend of option.legend ?? []) for (const value of legend.data ?? []) texts.push(typeof value === 'object' ? value.name : String(value));
            }
          }
          return texts.map(t => (t ?? '').replace(/\s+/g, ' ').trim()).filter(t => t.length > 0);
        }
        """;

    /// <summary>Every text a person sees on <paramref name="page"/>, except machine text marked as code.</summary>
    public static async Task<IReadOnlyList<string>> VisibleTextsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>(CollectScript);
    }

    /// <summary>The texts that are not in the reader's language, each with the reason.</summary>
    public static IEnumerable<string> Offenders(IEnumerable<string> texts, bool english, DataNames data)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(data);
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            var reason = Judge(text, english);
            if (reason is null)
            {
                continue;
            }

            // Only now (offenders are few) look for names from the data in the text, or the text in a name.
            var names = data.For(english);
            if (names.Any(n => n.Contains(text, StringComparison.Ordinal)))
            {
                continue;
            }

            // An id is a code: a name found inside one (a number stored as text) must not leave letters of it behind.
            var rest = Id().Replace(text, " ");
            foreach (var name in names.Where(n => rest.Contains(n, StringComparison.Ordinal)))
            {
                rest = rest.Replace(name, " ", StringComparison.Ordinal);
            }

            reason = Judge(rest, english);
            if (reason is not null)
            {
                yield return $"{reason}: \"{Shorten(text)}\"";
            }
        }
    }

    private static string? Judge(string text, bool english)
    {
        if (text.Contains('⟦', StringComparison.Ordinal))
        {
            return "missing key";
        }

        var plain = Url().Replace(Email().Replace(FileName().Replace(text, " "), " "), " ");
        if (RawKey().Match(plain) is { Success: true } key)
        {
            return $"raw key {key.Value}";
        }

        if (english)
        {
            return Cjk().IsMatch(plain) ? "Chinese on an English page" : null;
        }

        // A word with a digit in it is a model or part number (A800, 910B, FP16, 80GB), written so in Chinese too.
        var words = LatinWord().Matches(plain).Select(m => m.Value)
            .Where(w => w.Length > 1 && !w.Any(char.IsDigit) && !LatinAllowed.Contains(w)).ToList();
        return words.Count > 0 ? $"Latin words on a Chinese page ({string.Join(' ', words.Take(4))})" : null;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "…";

    [GeneratedRegex(@"https?://\S+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|org|net|local|gov\.cn|edu\.cn)(?:/\S*)?\b|/[a-z0-9/_.?=&-]*[a-z0-9]")]
    private static partial Regex Url();

    [GeneratedRegex(@"[\w/.-]+\.(?:txt|csv|xlsx|json|yaml|md|pdf|png)\b|\b(?:docs|bench)/[\w/.-]+")]
    private static partial Regex FileName();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")]
    private static partial Regex Id();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    // snake_case (two parts or more) or dotted.key made of lower-case words, e.g. ai_models, catalog.listing.title.
    [GeneratedRegex(@"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*){1,}\b(?!\.)")]
    private static partial Regex RawKey();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:['’][a-z]+)?")]
    private static partial Regex LatinWord();
}
