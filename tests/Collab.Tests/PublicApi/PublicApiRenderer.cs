using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Collab.Tests.PublicApi;

/// <summary>
/// Renders an assembly's public surface (types and their public and protected members, with nullability) as
/// stable, sorted text, so any API change shows up as a diff of a committed file.
/// </summary>
public static class PublicApiRenderer
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Render(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeHeader(type)).Append('\n');
            foreach (var line in Members(type).Order(StringComparer.Ordinal))
            {
                text.Append("    ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string TypeHeader(Type type)
    {
        var kind = type switch
        {
            { IsEnum: true } => "enum",
            { IsInterface: true } => "interface",
            { IsValueType: true } when type.GetMethod("<Clone>$") is null && type.GetMethod("PrintMembers", Declared) is not null => "record struct",
            { IsValueType: true } => "struct",
            _ when type.GetMethod("<Clone>$") is not null => "record",
            _ when IsDelegate(type) => "delegate",
            _ => "class",
        };
        var modifiers = type switch
        {
            { IsAbstract: true, IsSealed: true } => "static ",
            { IsInterface: false, IsValueType: false, IsAbstract: true } => "abstract ",
            { IsValueType: false, IsSealed: true } when !IsDelegate(type) => "sealed ",
            { IsValueType: true } when type.GetCustomAttribute<IsReadOnlyAttribute>() is not null => "readonly ",
            _ => string.Empty,
        };
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum) && !IsDelegate(type))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        return $"{modifiers}{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static IEnumerable<string> Members(Type type)
    {
        var nullability = new NullabilityInfoContext();
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var member in type.GetMembers(Declared))
        {
            switch (member)
            {
                case ConstructorInfo c when Visible(c):
                    yield return $"{Access(c)}ctor({Parameters(c, nullability)})";
                    break;
                case MethodInfo m when Visible(m) && !m.IsSpecialName && !IsCompilerNoise(m):
                    yield return $"{Access(m)}{(m.IsStatic ? "static " : m.IsAbstract && !type.IsInterface ? "abstract " : m.IsVirtual && !m.IsFinal && !type.IsInterface ? "virtual " : string.Empty)}"
                                 + $"{Name(m.ReturnParameter, nullability)} {m.Name}{GenericArguments(m)}({Parameters(m, nullability)})";
                    break;
                case PropertyInfo p when (p.GetMethod is { } g && Visible(g)) || (p.SetMethod is { } s0 && Visible(s0)):
                    var accessors = (p.GetMethod is { } get && Visible(get) ? "get; " : string.Empty)
                                    + (p.SetMethod is { } set && Visible(set) ? (IsInit(set) ? "init; " : "set; ") : string.Empty);
                    yield return $"{Access(p.GetMethod ?? p.SetMethod!)}{((p.GetMethod ?? p.SetMethod)!.IsStatic ? "static " : string.Empty)}{Name(nullability.Create(p))} {p.Name} {{ {accessors}}}";
                    break;
                case FieldInfo f when (f.IsPublic || f.IsFamily) && !f.IsSpecialName:
                    yield return $"{(f.IsPublic ? "public " : "protected ")}{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{Name(nullability.Create(f))} {f.Name}{(f.IsLiteral ? " = " + Convert.ToString(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";
                    break;
                case EventInfo e when e.AddMethod is { } add && Visible(add):
                    yield return $"{Access(add)}event {Name(e.EventHandlerType!)} {e.Name}";
                    break;
            }
        }
    }

    private static bool IsCompilerNoise(MethodInfo method) =>
        method.Name is "<Clone>$" or "PrintMembers" or "Deconstruct" || method.GetCustomAttribute<CompilerGeneratedAttribute>() is not null && method.Name != "ToString";

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsDelegate(Type type) => typeof(Delegate).IsAssignableFrom(type.BaseType);

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty)
            + (p.GetCustomAttribute<ParamArrayAttribute>() is not null ? "params " : string.Empty)
            + (method.IsDefined(typeof(ExtensionAttribute)) && p.Position == 0 ? "this " : string.Empty)
            + Name(p, nullability) + " " + p.Name
            + (p.HasDefaultValue ? " = " + (p.DefaultValue is null ? (p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? "default" : "null") : p.DefaultValue is string s ? $"\"{s}\"" : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : string.Empty)));

    private static string Name(ParameterInfo parameter, NullabilityInfoContext nullability) => Name(nullability.Create(parameter));

    private static string Name(NullabilityInfo info)
    {
        var type = info.Type.IsByRef ? info.Type.GetElementType()! : info.Type;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var name = type.IsGenericType && info.GenericTypeArguments.Length == type.GetGenericArguments().Length
            ? GenericName(type) + "<" + string.Join(", ", info.GenericTypeArguments.Select(Name)) + ">"
            : type.IsArray && info.ElementType is { } element ? Name(element) + "[]" : Name(type);
        return name + (!type.IsValueType && info.ReadState == NullabilityState.Nullable ? "?" : string.Empty);
    }

    private static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        return type.IsGenericType
            ? GenericName(type) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">"
            : type.FullName ?? type.Name;
    }

    private static string GenericName(Type type)
    {
        var definition = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = definition.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? definition : definition[..tick];
    }
}
