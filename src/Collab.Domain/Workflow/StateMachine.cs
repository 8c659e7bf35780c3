using System.Runtime.CompilerServices;
using System.Text;

namespace Collab.Workflow;

/// <summary>
/// A state machine definition in the spirit of Stateless, for Collab's workflows (transfer consent, report
/// approval, link set-up). The state lives on the aggregate, not in the machine: one definition is built once,
/// shared by every aggregate and thread, and <see cref="Fire"/> allocates nothing.
/// </summary>
/// <typeparam name="TState">The states: an enum with an <see cref="int"/> underlying type and values from 0 to 63.</typeparam>
/// <typeparam name="TTrigger">The triggers: an enum with an <see cref="int"/> underlying type and values from 0 to 63.</typeparam>
/// <typeparam name="TContext">What guards look at when deciding (usually a small struct with the aggregate and the instant).</typeparam>
/// <remarks>Immutable and thread-safe once built.</remarks>
internal sealed class StateMachine<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private const int MaxValues = 64;
    private readonly Transition[]?[] _table; // [state * _triggerCount + trigger] -> alternatives, first passing guard wins
    private readonly int _triggerCount;
    private readonly string _name;
    private readonly string _code;
    private readonly string _ruleId;

    internal StateMachine(string name, string ruleId, Dictionary<(int State, int Trigger), List<Transition>> transitions)
    {
        _name = name;
        _code = name.Replace(' ', '-').ToLowerInvariant();
        _ruleId = ruleId;
        _triggerCount = Enum.GetValues<TTrigger>().Max(ToInt) + 1;
        var stateCount = Enum.GetValues<TState>().Max(ToInt) + 1;
        _table = new Transition[]?[stateCount * _triggerCount];
        foreach (var ((state, trigger), list) in transitions)
        {
            _table[(state * _triggerCount) + trigger] = [.. list];
        }
    }

    /// <summary>Fires a trigger: returns the state the first permitted transition leads to.</summary>
    /// <param name="state">The aggregate's current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">What the guards look at.</param>
    /// <returns>The new state (possibly the same one).</returns>
    /// <exception cref="CollabRefusalException">
    /// Kind <see cref="RefusalKind.RuleViolation"/>: the trigger is not handled in this state (the reason names
    /// the triggers that are), or every transition's guard is unmet (the reason is the guard's).
    /// </exception>
    public TState Fire(TState state, TTrigger trigger, in TContext context)
    {
        var alternatives = Cell(state, trigger);
        if (alternatives is not null)
        {
            for (var i = 0; i < alternatives.Length; i++)
            {
                if (alternatives[i].Allows(context))
                {
                    return alternatives[i].Target;
                }
            }
        }

        throw Refusal(state, trigger, alternatives, context);
    }

    /// <summary>Whether a trigger would be permitted now.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">What the guards look at.</param>
    /// <returns>True when some transition's guard is met.</returns>
    public bool CanFire(TState state, TTrigger trigger, in TContext context)
    {
        var alternatives = Cell(state, trigger);
        if (alternatives is null)
        {
            return false;
        }

        foreach (var transition in alternatives)
        {
            if (transition.Allows(context))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every trigger the state handles, whether it is permitted now, and if not, why not.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="context">What the guards look at.</param>
    /// <returns>One entry per handled trigger, in trigger order.</returns>
    public IReadOnlyList<TriggerStatus<TTrigger>> Triggers(TState state, in TContext context)
    {
        var result = new List<TriggerStatus<TTrigger>>();
        foreach (var trigger in Enum.GetValues<TTrigger>())
        {
            if (Cell(state, trigger) is { } alternatives)
            {
                var permitted = CanFire(state, trigger, context);
                result.Add(new TriggerStatus<TTrigger>(trigger, permitted, permitted ? null : UnmetReason(alternatives, context)));
            }
        }

        return result;
    }

    /// <summary>The triggers permitted now.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="context">What the guards look at.</param>
    /// <returns>The triggers.</returns>
    public IReadOnlyList<TTrigger> PermittedTriggers(TState state, in TContext context)
    {
        var statuses = Triggers(state, context);
        return statuses.Where(s => s.Permitted).Select(s => s.Trigger).ToArray();
    }

    /// <summary>The machine as a Mermaid <c>stateDiagram-v2</c>, for the docs.</summary>
    /// <returns>The diagram text.</returns>
    public string ToMermaid()
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var (from, trigger, transition) in Edges())
        {
            text.Append($"    {from} --> {transition.Target} : {trigger}{(transition.Guards.Length > 0 ? $" [unless {string.Join(" / ", transition.Guards.Select(g => g.UnmetReason))}]" : string.Empty)}\n");
        }

        return text.ToString();
    }

    /// <summary>The machine as Graphviz DOT text, for the docs.</summary>
    /// <returns>The graph text.</returns>
    public string ToDot()
    {
        var text = new StringBuilder($"digraph \"{_name}\" {{\n    rankdir=LR;\n");
        foreach (var (from, trigger, transition) in Edges())
        {
            var label = transition.Guards.Length > 0 ? $"{trigger}\\n[unless {string.Join(" / ", transition.Guards.Select(g => g.UnmetReason))}]" : trigger.ToString();
            text.Append($"    \"{from}\" -> \"{transition.Target}\" [label=\"{label}\"];\n");
        }

        return text.Append("}\n").ToString();
    }

    private IEnumerable<(TState From, TTrigger Trigger, Transition Transition)> Edges()
    {
        foreach (var state in Enum.GetValues<TState>())
        {
            foreach (var trigger in Enum.GetValues<TTrigger>())
            {
                foreach (var transition in Cell(state, trigger) ?? [])
                {
                    yield return (state, trigger, transition);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Transition[]? Cell(TState state, TTrigger trigger)
    {
        var s = ToInt(state);
        var t = ToInt(trigger);
        var index = (s * _triggerCount) + t;
        return (uint)t < (uint)_triggerCount && (uint)index < (uint)_table.Length ? _table[index] : null;
    }

    // The first unmet guard of the first alternative: order a trigger's alternatives and guards so that this
    // is the fact a person needs to hear ("the request has expired" before "the client already consented").
    private static string UnmetReason(Transition[] alternatives, in TContext context)
    {
        foreach (var transition in alternatives)
        {
            foreach (var guard in transition.Guards)
            {
                if (!guard.Condition(context))
                {
                    return guard.UnmetReason;
                }
            }
        }

        return "its conditions are not met";
    }

    private CollabRefusalException Refusal(TState state, TTrigger trigger, Transition[]? alternatives, in TContext context)
    {
        if (alternatives is not null)
        {
            // Guard reasons are written as the fact that blocks the trigger ("the client already consented").
            return new CollabRefusalException(Refuse.Keyed(RefusalKind.RuleViolation, $"{_code}.{trigger.ToString().ToLowerInvariant()}-not-permitted",
                "workflow.not-permitted", _ruleId, trigger.ToString(), Refuse.Reason(UnmetReason(alternatives, context))));
        }

        var permitted = PermittedTriggers(state, context);
        var code = $"{_code}.{trigger.ToString().ToLowerInvariant()}-not-handled";
        return new CollabRefusalException(permitted.Count == 0
            ? Refuse.Keyed(RefusalKind.RuleViolation, code, "workflow.final", _ruleId, trigger.ToString(), state.ToString())
            : Refuse.Keyed(RefusalKind.RuleViolation, code, "workflow.not-handled", _ruleId, trigger.ToString(), state.ToString(), string.Join(", ", permitted)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ToInt<T>(T value)
        where T : struct, Enum => Unsafe.As<T, int>(ref value);

    internal static void CheckEnum<T>()
        where T : struct, Enum
    {
        if (Enum.GetUnderlyingType(typeof(T)) != typeof(int) || Enum.GetValues<T>().Any(v => ToInt(v) is < 0 or >= MaxValues))
        {
            throw new ArgumentException($"{typeof(T).Name} must be an int enum with values from 0 to {MaxValues - 1}.");
        }
    }

    internal sealed class Transition(TState target, Guard<TContext>[] guards)
    {
        // The conditions in a flat array: the hot loop touches no Guard objects.
        private readonly GuardCondition<TContext>[] _conditions = guards.Select(g => g.Condition).ToArray();

        public TState Target { get; } = target;

        public Guard<TContext>[] Guards { get; } = guards;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Allows(in TContext context)
        {
            var conditions = _conditions;
            for (var i = 0; i < conditions.Length; i++)
            {
                if (!conditions[i](context))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>A guard's condition. The context is passed by reference, so a struct context is never copied.</summary>
/// <typeparam name="TContext">What the condition looks at.</typeparam>
/// <param name="context">The context.</param>
/// <returns>True when the transition may be taken.</returns>
internal delegate bool GuardCondition<TContext>(in TContext context);

/// <summary>A condition of a transition and what a person is told when it does not hold.</summary>
/// <typeparam name="TContext">What the condition looks at.</typeparam>
/// <param name="Condition">The condition; use a static lambda, <c>static (in Ctx c) => …</c>, so firing allocates nothing.</param>
/// <param name="UnmetReason">The fact that blocks the trigger when the condition fails, such as "the request has expired".</param>
internal sealed record Guard<TContext>(GuardCondition<TContext> Condition, string UnmetReason);

/// <summary>Whether a trigger is permitted now, and if not, why not.</summary>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <param name="Trigger">The trigger.</param>
/// <param name="Permitted">Whether it may fire now.</param>
/// <param name="UnmetGuardReason">Why not, when it may not.</param>
public sealed record TriggerStatus<TTrigger>(TTrigger Trigger, bool Permitted, string? UnmetGuardReason)
    where TTrigger : struct, Enum;

/// <summary>Configures a <see cref="StateMachine{TState, TTrigger, TContext}"/>; build it once and share it.</summary>
/// <typeparam name="TState">The states.</typeparam>
/// <typeparam name="TTrigger">The triggers.</typeparam>
/// <typeparam name="TContext">What guards look at.</typeparam>
internal sealed class StateMachineBuilder<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly string _name;
    private readonly string _ruleId;
    private readonly Dictionary<(int, int), List<StateMachine<TState, TTrigger, TContext>.Transition>> _transitions = [];

    /// <summary>Starts a definition.</summary>
    /// <param name="name">A short name, used in refusal codes and diagrams (for example <c>transfer</c>).</param>
    /// <param name="ruleId">The DOMAIN.md rule the lifecycle enforces, carried by every refusal it gives (for example <c>XFER-2</c>).</param>
    /// <exception cref="ArgumentException">A type argument is not an int enum with values 0 to 63, or the name or rule is empty.</exception>
    public StateMachineBuilder(string name, string ruleId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        _ruleId = ruleId;
        StateMachine<TState, TTrigger, TContext>.CheckEnum<TState>();
        StateMachine<TState, TTrigger, TContext>.CheckEnum<TTrigger>();
        _name = name;
    }

    /// <summary>In <paramref name="state"/>, <paramref name="trigger"/> leads to <paramref name="target"/> unconditionally.</summary>
    /// <param name="state">The source state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="target">The target state.</param>
    /// <returns>This builder.</returns>
    public StateMachineBuilder<TState, TTrigger, TContext> Permit(TState state, TTrigger trigger, TState target) =>
        Add(state, trigger, new(target, []));

    /// <summary>
    /// In <paramref name="state"/>, <paramref name="trigger"/> leads to <paramref name="target"/> when every guard
    /// holds. Several guarded transitions may share a trigger: the first whose guards all hold is taken. When
    /// none is, the refusal gives the first unmet guard of the first transition.
    /// </summary>
    /// <param name="state">The source state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="target">The target state.</param>
    /// <param name="guards">The conditions, in the order their reasons should be heard.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No guard is given, or a guard has no reason.</exception>
    public StateMachineBuilder<TState, TTrigger, TContext> PermitIf(TState state, TTrigger trigger, TState target, params Guard<TContext>[] guards)
    {
        ArgumentNullException.ThrowIfNull(guards);
        if (guards.Length == 0 || guards.Any(g => g is null || string.IsNullOrWhiteSpace(g.UnmetReason)))
        {
            throw new ArgumentException("Give at least one guard, each with the reason a person hears when it does not hold.", nameof(guards));
        }

        return Add(state, trigger, new(target, [.. guards]));
    }

    /// <summary>Builds the immutable, shareable machine.</summary>
    /// <returns>The machine.</returns>
    public StateMachine<TState, TTrigger, TContext> Build() =>
        new(_name, _ruleId, _transitions.ToDictionary(p => p.Key, p => p.Value.ToList()));

    private StateMachineBuilder<TState, TTrigger, TContext> Add(TState state, TTrigger trigger, StateMachine<TState, TTrigger, TContext>.Transition transition)
    {
        var key = (StateMachine<TState, TTrigger, TContext>.ToInt(state), StateMachine<TState, TTrigger, TContext>.ToInt(trigger));
        if (!_transitions.TryGetValue(key, out var list))
        {
            _transitions[key] = list = [];
        }

        list.Add(transition);
        return this;
    }
}
