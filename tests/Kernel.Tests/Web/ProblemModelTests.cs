using System.Globalization;
using System.Text.Json;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;

namespace Funeng.Kernel.Tests.Web;

public sealed class ProblemModelTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(FunengKernel).Assembly)]);
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(UiCultures.Chinese);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo(UiCultures.English);

    [Fact]
    public void An_input_problem_is_told_by_field_in_each_language()
    {
        var invalid = InvalidInputException.For("year", "problem.value.whole-number", "abc");
        Assert.Equal(["'abc' is not a whole number."], invalid.Describe(Text, English)["year"]);
        Assert.Equal(["“abc”不是整数。"], invalid.Describe(Text, Chinese)["year"]);
    }

    [Fact]
    public void Input_problems_map_to_a_400_validation_problem_naming_each_field()
    {
        var invalid = new InvalidInputException([FieldProblem.Of("year", "problem.value.required"), FieldProblem.Fixed("titleZh", "Give a title.")]);
        var details = Assert.IsType<HttpValidationProblemDetails>(ProblemMapping.Map(invalid, Text, English));
        Assert.Equal(StatusCodes.Status400BadRequest, details.Status);
        Assert.Equal(["Required."], details.Errors["year"]);
        Assert.Equal(["Give a title."], details.Errors["titleZh"]);
    }

    [Fact]
    public void A_rule_refusal_keeps_its_status_and_field()
    {
        var refused = new DomainRuleException(ProblemMessage.Of("problem.value.duplicate", "x"), "scores", StatusCodes.Status422UnprocessableEntity);
        var details = ProblemMapping.Map(refused, Text, Chinese)!;
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, details.Status);
        Assert.Equal("scores", details.Extensions["field"]);
        Assert.Equal("“x”出现了不止一次。", details.Detail);
    }

    [Fact]
    public void An_argument_in_both_languages_is_told_in_the_readers_language()
    {
        var message = ProblemMessage.Of("problem.value.duplicate", LocalizedText.Join([new LocalizedText("甲", "A"), new LocalizedText("乙", "B")]));
        Assert.Equal("“甲、乙”出现了不止一次。", message.In(Text, Chinese));
        Assert.Equal("'A, B' appears more than once.", message.In(Text, English));
    }

    [Fact]
    public void A_nested_message_argument_is_told_from_strings_json()
    {
        var message = ProblemMessage.Of("problem.value.duplicate", ProblemMessage.Of("problem.value.required"));
        Assert.Equal("'Required.' appears more than once.", message.In(Text, English));
    }

    [Fact]
    public void An_instant_argument_is_told_in_China_Standard_Time()
    {
        var message = ProblemMessage.Of("problem.value.duplicate", new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero));
        // sv-SE writes a wall-clock time as yyyy-MM-dd HH:mm:ss, so the test reads the hour without a format in the key.
        Assert.Contains("2027-01-10 17:00", message.In(Text, CultureInfo.GetCultureInfo("sv-SE")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unbindable_query_value_names_its_parameter()
    {
        var bad = new BadHttpRequestException("Failed to bind parameter \"Nullable<int> year\" from \"abc\".", StatusCodes.Status400BadRequest);
        var problem = ProblemMapping.Unreadable(bad);
        Assert.Equal("year", problem.Field);
        Assert.Equal("'abc' is not a whole number.", problem.Description.In(Text, English));
    }

    [Fact]
    public void An_unreadable_json_value_is_named_by_its_path()
    {
        var json = new JsonException("The JSON value could not be converted.", "$.facts.qualifications[0]", 0, 10);
        Assert.Equal("facts.qualifications[0]", FromBody(json).Field);
    }

    [Fact]
    public void A_required_member_left_out_of_the_body_is_named()
    {
        var json = new JsonException("JSON deserialization for type 'Request' was missing required properties including: 'roles'.", "$", 0, 2);
        var problem = FromBody(json);
        Assert.Equal("roles", problem.Field);
        Assert.Equal("Required.", problem.Description.In(Text, English));
    }

    [Fact]
    public void A_body_that_is_not_json_at_all_is_named_body()
    {
        var json = new JsonException("'{' is invalid.", "$", 0, 1);
        var problem = FromBody(json);
        Assert.Equal("body", problem.Field);
        Assert.Equal("请求正文不是有效的 JSON。", problem.Description.In(Text, Chinese));
    }

    [Fact]
    public void Anything_else_is_not_mapped_so_that_it_stays_a_500()
    {
        Assert.Null(ProblemMapping.Map(new InvalidOperationException("boom"), Text, English));
    }

    [Fact]
    public void A_data_file_problem_is_located_by_file_line_and_field()
    {
        var error = new DataFileError("targets.yaml", 12, "targets[3].value", ProblemMessage.Of("datafile.not-number", "ten"));
        var invalid = new InvalidInputException([error]);
        Assert.Equal(["'ten' is not a number"], invalid.Describe(Text, English)["targets.yaml:12: targets[3].value"]);
        Assert.Equal(["“ten”不是数字"], invalid.Describe(Text, Chinese)["targets.yaml:12: targets[3].value"]);
        Assert.Same(error, Assert.Single(DataFileError.Among(invalid)));
    }

    [Fact]
    public void Every_problem_text_exists_in_both_languages()
    {
        var keys = Text.All.Keys.Where(k => k.StartsWith("problem.", StringComparison.Ordinal)).ToList();
        Assert.Contains("problem.title.invalid", keys);
        Assert.All(keys, k => Assert.NotEqual(Text.Get(k, Chinese), Text.Get(k, English)));
    }

    private static FieldProblem FromBody(JsonException json) => ProblemMapping.Unreadable(
        new BadHttpRequestException("Failed to read parameter \"Request request\" from the request body as JSON.", StatusCodes.Status400BadRequest, json));
}
