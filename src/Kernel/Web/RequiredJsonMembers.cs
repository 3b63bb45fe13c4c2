using System.Text.Json.Serialization.Metadata;

namespace Funeng.Kernel.Web;

/// <summary>
/// Makes the API's JSON contract say what the C# request types say: a constructor parameter of a non-nullable
/// reference type without a default (<c>record Request(IReadOnlyList&lt;string&gt; Roles)</c>) must be present
/// and not null. Without this, <c>{}</c> or <c>{"roles": null}</c> reaches the handler with a null that its
/// type promises never to hold, and fails there with a 500; with it, the reader refuses the body and
/// <see cref="ProblemMapping"/> answers 400 naming the member. Optional members (nullable, or with a default)
/// are untouched.
/// </summary>
public static class RequiredJsonMembers
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is not null
                && property.AssociatedParameter is { HasDefaultValue: false } parameter
                && !parameter.ParameterType.IsValueType
                && parameter.AttributeProvider is System.Reflection.ParameterInfo reflected
                && new System.Reflection.NullabilityInfoContext().Create(reflected).WriteState == System.Reflection.NullabilityState.NotNull)
            {
                property.IsRequired = true;
                property.IsSetNullable = false;
            }
        }
    }
}
