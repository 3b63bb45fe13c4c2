using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Funeng.Architecture.Tests;

/// <summary>
/// Issue 11's shape beyond pages and endpoints (<see cref="HandlerReadTests"/>): the command line's commands and the
/// modules' background services (every <see cref="IHostedService"/>) call a module's use case or query class, which
/// may take the DbContext; they never take one, nor resolve one from a service provider, themselves.
/// <para>
/// Both rules read the compiled classes with Mono.Cecil, a class together with its nested types, which is where the
/// compiler puts its lambdas (a command's action), closures and async state machines. Parameters are read from the
/// metadata (the CLI cannot be loaded by reflection here: System.CommandLine and Spectre.Console are not beside this
/// test). A resolution is read from the IL: a call of <c>GetRequiredService&lt;T&gt;</c>, <c>GetService&lt;T&gt;</c>
/// (or their keyed and plural forms) whose <c>T</c> is a DbContext, or a <c>typeof</c> of one (for
/// <c>GetService(Type)</c>). IL rather than a scan of the source: it sees the call whatever the source looks like (an
/// alias, a <c>using static</c>, a line break inside the generic argument), and it is what was built.
/// </para>
/// </summary>
public sealed class HostReadTests
{
    private static readonly string[] Resolvers =
        ["GetService", "GetRequiredService", "GetServices", "GetKeyedService", "GetRequiredKeyedService", "GetKeyedServices"];

    /// <summary>Every DbContext of the modules, with EF Core's base, by the full name Cecil gives a type.</summary>
    private static readonly HashSet<string> DbContexts = [.. ModuleTypes()
        .Where(type => typeof(DbContext).IsAssignableFrom(type))
        .Append(typeof(DbContext))
        .Select(type => type.FullName!.Replace('+', '/'))];

    [Fact]
    public void No_command_line_class_takes_or_resolves_a_database_context()
    {
        using var cli = BuiltAssemblies.Read("Cli");
        var offenders = cli.Types.SelectMany(type => ParametersTakingADbContext(type).Concat(ResolutionsOfADbContext(type)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, $"Command-line code that takes or resolves a DbContext (call the module's use case or query class through its Contracts instead): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void No_background_service_takes_a_database_context()
    {
        var offenders = HostedServices(ParametersTakingADbContext).Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, $"Background services that take a DbContext (call the module's use case or query class instead): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void No_background_service_resolves_a_database_context()
    {
        var offenders = HostedServices(ResolutionsOfADbContext).Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, $"Background services that resolve a DbContext from a service provider (resolve the module's use case or query class instead): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_rules_see_the_commands_the_background_services_and_a_resolution()
    {
        // Guards the tests above against passing because they found nothing to read.
        using var cli = BuiltAssemblies.Read("Cli");
        var commands = cli.Types.Count(t => t.Name.EndsWith("Commands", StringComparison.Ordinal) || t.Name.EndsWith("CommandLine", StringComparison.Ordinal));
        Assert.True(commands >= 9, $"only {commands} command classes found in the CLI");
        var resolutions = cli.Types.SelectMany(WithNested).SelectMany(Instructions).Count(i => IsResolver(i.Operand as MethodReference));
        Assert.True(resolutions >= 15, $"only {resolutions} service resolutions found in the CLI's IL");

        var services = HostedServices(type => [type.Name]);
        Assert.Empty(new[] { "AwardEventsWorker", "EngineWatcher", "IndexCatchUp", "RefreshIndexSnapshots" }.Except(services));
        Assert.True(DbContexts.Count >= 8, $"only {DbContexts.Count} DbContext types known: {string.Join(", ", DbContexts)}");

        // The detector itself, on a class of this assembly that does what the rules forbid, in an async lambda.
        using var own = ModuleDefinition.ReadModule(typeof(HostReadTests).Assembly.Location);
        var sample = own.GetType(typeof(ResolvesADbContext).FullName!.Replace('+', '/'));
        Assert.Equal(3, ResolutionsOfADbContext(sample).Count());
        Assert.Equal(2, ParametersTakingADbContext(sample).Count());
    }

    private static IEnumerable<Type> ModuleTypes() =>
        BuiltAssemblies.Modules.SelectMany(module => Assembly.Load(new AssemblyName($"Funeng.{module}")).GetTypes());

    /// <summary>What <paramref name="read"/> finds in each of the modules' hosted services (found by reflection), as Cecil reads them from the built modules.</summary>
    private static List<string> HostedServices(Func<TypeDefinition, IEnumerable<string>> read)
    {
        var found = new List<string>();
        foreach (var module in BuiltAssemblies.Modules)
        {
            var hosted = Assembly.Load(new AssemblyName($"Funeng.{module}")).GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHostedService).IsAssignableFrom(t))
                .Select(t => t.FullName!.Replace('+', '/'))
                .ToList();
            using var built = BuiltAssemblies.Read(module);
            found.AddRange(hosted.SelectMany(name => read(built.GetType(name))));
        }

        return found;
    }

    private static IEnumerable<string> ParametersTakingADbContext(TypeDefinition outer) =>
        WithNested(outer).SelectMany(type => type.Methods)
            .SelectMany(method => method.Parameters.Where(p => IsDbContext(p.ParameterType)).Select(p => $"{outer.FullName}.{method.Name}({p.ParameterType.Name} {p.Name})"));

    private static IEnumerable<string> ResolutionsOfADbContext(TypeDefinition outer) =>
        WithNested(outer).SelectMany(Instructions).SelectMany(instruction => instruction.Operand switch
        {
            GenericInstanceMethod call when IsResolver(call) && call.GenericArguments.Any(IsDbContext) =>
                [$"{outer.FullName}: {call.Name}<{string.Join(", ", call.GenericArguments.Select(a => a.Name))}>"],
            TypeReference type when instruction.OpCode == OpCodes.Ldtoken && IsDbContext(type) => [$"{outer.FullName}: typeof({type.Name})"],
            _ => Array.Empty<string>(),
        });

    private static bool IsResolver(MethodReference? method) => method is not null && Resolvers.Contains(method.Name, StringComparer.Ordinal);

    /// <summary>A DbContext, or a type made with one (<c>IDbContextFactory&lt;XDb&gt;</c>, <c>Func&lt;XDb&gt;</c>).</summary>
    private static bool IsDbContext(TypeReference type) => TypeReferences.Unwrap(type).Any(t => DbContexts.Contains(t.FullName));

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => type.NestedTypes.SelectMany(WithNested).Prepend(type);

    private static IEnumerable<Instruction> Instructions(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions);

    /// <summary>What the rules must catch: two parameters, two generic resolutions (one inside an async lambda) and a typeof.</summary>
    private sealed class ResolvesADbContext(IDbContextFactory<DbContext> factory)
    {
        public IDbContextFactory<DbContext> Factory => factory;

        public static DbContext Direct(IServiceProvider services) => services.GetRequiredService<DbContext>();

        public static Func<IServiceProvider, Task<object?>> Later(DbContext given) => async services =>
        {
            await Task.Yield();
            return (object?)services.GetService<DbContext>() ?? services.GetService(typeof(DbContext)) ?? given;
        };
    }
}
