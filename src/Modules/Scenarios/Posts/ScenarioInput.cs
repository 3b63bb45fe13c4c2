using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Taxonomy;

namespace Funeng.Scenarios.Posts;

/// <summary>What an owner writes in a scenario post. Budgets are yuan.</summary>
internal sealed record ScenarioInput(
    string? Title,
    string? Problem,
    string? ExpectedOutcome,
    string? Sector,
    string? City,
    string? District,
    string? DataAvailable,
    decimal? BudgetMin,
    decimal? BudgetMax,
    DateOnly? Deadline,
    string? ContactName,
    string? ContactDetail)
{
    /// <summary>
    /// Problems by field (empty when valid), told in the reader's language: each names the form's label of its field.
    /// <paramref name="today"/> comes from the server clock.
    /// </summary>
    public Dictionary<string, string[]> Validate(DateOnly today, UiText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string[]>();
        Require(errors, text, "title", "scenarios.post.title", Title, 200);
        Require(errors, text, "problem", "scenarios.post.problem", Problem, 4000);
        Require(errors, text, "expectedOutcome", "scenarios.post.outcome", ExpectedOutcome, 4000);
        Require(errors, text, "contactName", "scenarios.post.contact-name", ContactName, 100);
        Require(errors, text, "contactDetail", "scenarios.post.contact-detail", ContactDetail, 200);
        Limit(errors, text, "district", "scenarios.post.district", District, 60);
        Limit(errors, text, "dataAvailable", "scenarios.post.data", DataAvailable, 2000);
        if (ScenarioSectors.Find(Sector) is null)
        {
            errors["sector"] = [text.Format("scenarios.problem.sector", Sector)];
        }

        if (City is null || GuangdongCities.Find(City) is null)
        {
            errors["city"] = [text.Format("scenarios.problem.city", City)];
        }

        if (BudgetMin is < 0 || BudgetMax is < 0)
        {
            errors["budgetMin"] = [text["scenarios.problem.budget-negative"]];
        }
        else if (BudgetMin is { } min && BudgetMax is { } max && min > max)
        {
            errors["budgetMax"] = [text["scenarios.problem.budget-order"]];
        }

        if (Deadline is { } deadline && deadline < today)
        {
            errors["deadline"] = [text.Format("scenarios.problem.deadline-passed", deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];
        }

        return errors;
    }

    public void ApplyTo(ScenarioPost post)
    {
        post.Title = Title!.Trim();
        post.Problem = Problem!.Trim();
        post.ExpectedOutcome = ExpectedOutcome!.Trim();
        post.Sector = Sector!;
        post.CitySlug = City!;
        post.District = District?.Trim() ?? "";
        post.DataAvailable = DataAvailable?.Trim() ?? "";
        post.BudgetMin = BudgetMin;
        post.BudgetMax = BudgetMax;
        post.Deadline = Deadline;
        post.ContactName = ContactName!.Trim();
        post.ContactDetail = ContactDetail!.Trim();
    }

    public static ScenarioInput From(ScenarioPost post) => new(
        post.Title, post.Problem, post.ExpectedOutcome, post.Sector, post.CitySlug, post.District, post.DataAvailable,
        post.BudgetMin, post.BudgetMax, post.Deadline, post.ContactName, post.ContactDetail);

    private static void Require(Dictionary<string, string[]> errors, UiText text, string field, string label, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [text.Format("scenarios.problem.required", text[label])];
        }
        else
        {
            Limit(errors, text, field, label, value, max);
        }
    }

    private static void Limit(Dictionary<string, string[]> errors, UiText text, string field, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = [text.Format("scenarios.problem.too-long", text[label], max)];
        }
    }
}
