using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Collab.Authorization;

/// <summary>
/// Marks a method as the in-memory form of a reach rule whose expression tree is the static property named here:
/// <see cref="ReachRules.Expand{TDelegate}"/> replaces a call to the method by that expression.
/// </summary>
/// <param name="declaringType">The type that holds the rule's expression.</param>
/// <param name="expression">The name of its static property of type <see cref="LambdaExpression"/> (an <c>Expression&lt;Func&lt;…&gt;&gt;</c>) with the method's parameters.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReachRuleAttribute(Type declaringType, string expression) : Attribute
{
    /// <summary>The type that holds the rule's expression.</summary>
    public Type DeclaringType { get; } = declaringType;

    /// <summary>The name of the static property that holds the rule's expression.</summary>
    public string Expression { get; } = expression;
}

/// <summary>
/// Composes reach rules (SEC-1, SEC-5) into query expressions: each capability writes its rule once, as an expression tree
/// beside its aggregate (for example <see cref="Rights.AdministrationAccess"/>), with a method of the same parameters that
/// evaluates it in memory. A store writes the method into its LINQ query and calls <see cref="Expand{TDelegate}"/> before it
/// runs or compiles the query: every call to such a method is replaced by the rule's own expression with the call's arguments
/// in place of its parameters. What the database sees is the plain expression, as if written out by hand (no
/// <c>Invoke</c> node), so EF Core translates it on any provider and a compiled query stays compiled.
/// </summary>
public static class ReachRules
{
    private static readonly ConcurrentDictionary<MethodInfo, LambdaExpression?> Rules = new();

    /// <summary>Replaces every call to a reach rule's method in <paramref name="query"/> by the rule's expression.</summary>
    /// <typeparam name="TDelegate">The query's delegate type.</typeparam>
    /// <param name="query">A query expression naming reach rules by their methods.</param>
    /// <returns>The same query with the rules written out.</returns>
    public static Expression<TDelegate> Expand<TDelegate>(Expression<TDelegate> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (Expression<TDelegate>)new Expander().Visit(query);
    }

    private static LambdaExpression? RuleOf(MethodInfo method) => Rules.GetOrAdd(method, static m =>
        m.GetCustomAttribute<ReachRuleAttribute>() is { } rule
            ? (LambdaExpression?)rule.DeclaringType.GetProperty(rule.Expression, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
                ?? throw new InvalidOperationException($"{m.DeclaringType?.Name}.{m.Name} names a reach rule {rule.Expression} that is not a static expression property.")
            : null);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Object is null && RuleOf(node.Method) is { } rule)
            {
                var arguments = node.Arguments.Select(Visit).ToArray();
                var body = new Substitution(rule.Parameters, arguments!).Visit(rule.Body);
                return Visit(body); // a rule may name another rule
            }

            return base.VisitMethodCall(node);
        }
    }

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return arguments[i].Type == node.Type || !node.Type.IsValueType ? arguments[i] : System.Linq.Expressions.Expression.Convert(arguments[i], node.Type);
                }
            }

            return node;
        }
    }
}
