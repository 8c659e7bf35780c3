using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Collab.AspNetCore.Tests;

/// <summary>
/// A small IL reader: the opcodes of a method body and their metadata-token operands. Opcodes come from
/// <see cref="OpCodes"/> (one or two bytes, keyed by <see cref="OpCode.Value"/>); an operand's size from its
/// <see cref="OpCode.OperandType"/>. Only tokens (methods, fields, strings) are returned: that is all the walk needs.
/// </summary>
internal static class IlReader
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The instructions of a body as (opcode, token); the token is 0 for an operand that is not a metadata token.</summary>
    internal static IEnumerable<(OpCode Op, int Token)> Read(byte[] il)
    {
        var at = 0;
        while (at < il.Length)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            var op = Codes[value];
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            var token = op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineString or OperandType.InlineTok or OperandType.InlineType
                ? BitConverter.ToInt32(il, at)
                : 0;
            at += size;
            yield return (op, token);
        }
    }
}

/// <summary>
/// Which string literals a method can reach inside Collab's assemblies: the transitive closure over calls, object
/// creations and delegate targets (<c>call</c>, <c>callvirt</c>, <c>newobj</c>, <c>ldftn</c>), async and iterator state
/// machines (their <c>MoveNext</c>), a type's static constructor once one of its members is touched, and every
/// implementation or override (inside Collab) of an interface or virtual method that is called. Methods are compared as
/// their definitions (module and metadata token), so one generic method is one node. An over-approximation: a literal
/// reachable through a shared helper counts for every caller.
/// </summary>
internal sealed class RefusalReach
{
    private readonly HashSet<Assembly> _assemblies;
    private readonly Dictionary<(Module, int), Node> _nodes = [];
    private readonly Dictionary<(Module, int), List<MethodBase>> _implementations = [];

    internal RefusalReach(IEnumerable<Assembly> assemblies)
    {
        _assemblies = [.. assemblies];
        foreach (var type in _assemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.IsVirtual))
            {
                var root = method.GetBaseDefinition();
                if (Inside(root))
                {
                    Implementations(Key(root)).Add(method);
                }
            }

            if (type.IsInterface)
            {
                continue;
            }

            foreach (var face in type.GetInterfaces().Where(i => _assemblies.Contains(i.Assembly)))
            {
                InterfaceMapping map;
                try
                {
                    map = type.GetInterfaceMap(face);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
                {
                    UnmappedTypes.Add($"{type.FullName} : {face.Name}");
                    continue;
                }

                for (var i = 0; i < map.InterfaceMethods.Length; i++)
                {
                    Implementations(Key(map.InterfaceMethods[i])).Add(map.TargetMethods[i]);
                }
            }
        }
    }

    /// <summary>Types whose interface map reflection refused (their implementations are not followed).</summary>
    internal List<string> UnmappedTypes { get; } = [];

    /// <summary>Tokens reflection could not resolve while reading bodies (their targets are not followed).</summary>
    internal List<string> Unresolved { get; } = [];

    /// <summary>The literals reachable from the roots, and every method definition the walk visited.</summary>
    internal (HashSet<string> Literals, HashSet<MethodBase> Methods) From(IEnumerable<MethodBase> roots)
    {
        var literals = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(Module, int)>();
        var visited = new HashSet<MethodBase>();
        var queue = new Queue<MethodBase>(roots.Select(Definition).OfType<MethodBase>());
        while (queue.TryDequeue(out var method))
        {
            if (!seen.Add(Key(method)))
            {
                continue;
            }

            visited.Add(method);
            var node = NodeOf(method);
            literals.UnionWith(node.Literals);
            foreach (var next in node.Next)
            {
                queue.Enqueue(next);
            }
        }

        return (literals, visited);
    }

    private bool Inside(MemberInfo member) => member.Module.Assembly is var a && _assemblies.Contains(a);

    private static (Module, int) Key(MethodBase method) => (method.Module, method.MetadataToken);

    private List<MethodBase> Implementations((Module, int) key) =>
        _implementations.TryGetValue(key, out var list) ? list : _implementations[key] = [];

    // The definition of a method (open generic type and method), or null outside Collab.
    private MethodBase? Definition(MethodBase method) => Inside(method) ? method.Module.ResolveMethod(method.MetadataToken) : null;

    private Node NodeOf(MethodBase method)
    {
        if (_nodes.TryGetValue(Key(method), out var known))
        {
            return known;
        }

        var node = new Node();
        _nodes[Key(method)] = node;
        if (_implementations.TryGetValue(Key(method), out var implementations))
        {
            node.Next.AddRange(implementations.Select(Definition).OfType<MethodBase>());
        }

        if (method.IsVirtual && method is MethodInfo info && _implementations.TryGetValue(Key(info.GetBaseDefinition()), out var overrides))
        {
            node.Next.AddRange(overrides.Select(Definition).OfType<MethodBase>());
        }

        foreach (var machine in method.GetCustomAttributes<StateMachineAttribute>())
        {
            node.Next.AddRange(machine.StateMachineType.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.EndsWith("MoveNext", StringComparison.Ordinal)));
        }

        AddInitializer(node, method.DeclaringType);
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return node;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var (op, token) in IlReader.Read(il))
        {
            try
            {
                switch (op.OperandType)
                {
                    case OperandType.InlineString:
                        node.Literals.Add(method.Module.ResolveString(token));
                        break;
                    case OperandType.InlineMethod when method.Module.ResolveMethod(token, typeArguments, methodArguments) is { } target:
                        if (Definition(target) is { } inside)
                        {
                            node.Next.Add(inside);
                            AddInitializer(node, inside.DeclaringType);
                        }

                        break;
                    case OperandType.InlineField when method.Module.ResolveField(token, typeArguments, methodArguments) is { } field && Inside(field):
                        AddInitializer(node, field.DeclaringType);
                        break;
                }
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
            {
                Unresolved.Add($"{method.DeclaringType?.FullName}.{method.Name}: {op.Name} 0x{token:X8} ({e.GetType().Name})");
            }
        }

        return node;
    }

    private void AddInitializer(Node node, Type? type)
    {
        if (type is not null && Inside(type) && (type.IsGenericType ? type.GetGenericTypeDefinition() : type).TypeInitializer is { } initializer)
        {
            node.Next.Add(initializer);
        }
    }

    private sealed class Node
    {
        internal HashSet<string> Literals { get; } = new(StringComparer.Ordinal);

        internal List<MethodBase> Next { get; } = [];
    }
}
