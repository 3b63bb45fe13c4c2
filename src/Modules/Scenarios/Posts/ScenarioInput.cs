using Funeng.Kernel.Geography;
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
    /// <summary>Problems by field (empty when valid). <paramref name="today"/> comes from the server clock.</summary>
    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, "title", Title, 200);
        Require(errors, "problem", Problem, 4000);
        Require(errors, "expectedOutcome", ExpectedOutcome, 4000);
        Require(errors, "contactName", ContactName, 100);
        Require(errors, "contactDetail", ContactDetail, 200);
        Limit(errors, "district", District, 60);
        Limit(errors, "dataAvailable", DataAvailable, 2000);
        if (Sectors.Find(Sector) is null)
        {
            errors["sector"] = [$"'{Sector}' is not a sector; use one of {string.Join(", ", Sectors.All.Select(s => s.Key))}."];
        }

        if (City is null || GuangdongCities.Find(City) is null)
        {
            errors["city"] = [$"'{City}' is not a Guangdong city slug (e.g. guangzhou)."];
        }

        if (BudgetMin is < 0 || BudgetMax is < 0)
        {
            errors["budgetMin"] = ["Budgets cannot be negative."];
        }
        else if (BudgetMin is { } min && BudgetMax is { } max && min > max)
        {
            errors["budgetMax"] = ["The budget's upper bound is below its lower bound."];
        }

        if (Deadline is { } deadline && deadline < today)
        {
            errors["deadline"] = [$"The deadline {deadline:yyyy-MM-dd} has passed."];
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

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{field} is required."];
        }
        else
        {
            Limit(errors, field, value, max);
        }
    }

    private static void Limit(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = [$"{field} is longer than {max} characters."];
        }
    }
}
