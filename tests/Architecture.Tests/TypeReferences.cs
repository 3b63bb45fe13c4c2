using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Funeng.Architecture.Tests;

/// <summary>Which types a compiled type uses: in signatures, in attributes and in method bodies.</summary>
internal static class TypeReferences
{
    /// <summary>The namespace a type is declared in (a nested or compiler-generated type counts as its outermost type's).</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    /// <summary>Every type <paramref name="type"/> mentions, generic arguments and array elements unwrapped.</summary>
    public static IEnumerable<TypeReference> UsedBy(TypeDefinition type)
    {
        var used = new List<TypeReference?> { type.BaseType };
        used.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        used.AddRange(type.CustomAttributes.Select(a => a.AttributeType));
        used.AddRange(type.Fields.Select(f => f.FieldType));
        used.AddRange(type.Properties.Select(p => p.PropertyType));
        used.AddRange(type.Events.Select(e => e.EventType));
        foreach (var method in type.Methods)
        {
            used.Add(method.ReturnType);
            used.AddRange(method.Parameters.Select(p => p.ParameterType));
            if (!method.HasBody)
            {
                continue;
            }

            used.AddRange(method.Body.Variables.Select(v => v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                used.AddRange(Operand(instruction));
            }
        }

        return used.OfType<TypeReference>().SelectMany(Unwrap);
    }

    private static IEnumerable<TypeReference?> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference type => [type],
        MethodReference method => [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(p => p.ParameterType),
            .. (method as GenericInstanceMethod)?.GenericArguments ?? []],
        FieldReference field => [field.DeclaringType, field.FieldType],
        _ => [],
    };

    /// <summary>The types <paramref name="type"/> is made of: itself, or a generic type and its arguments, an array's element.</summary>
    public static IEnumerable<TypeReference> Unwrap(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var argument in generic.GenericArguments.SelectMany(Unwrap))
                {
                    yield return argument;
                }

                break;
            case TypeSpecification specification:
                foreach (var element in Unwrap(specification.ElementType))
                {
                    yield return element;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
