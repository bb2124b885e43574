using System.Reflection;

namespace Runtime.Abstractions.Remoting;

/// <summary>One method of a grain interface, with what is needed to call it locally or over the wire.</summary>
public sealed class GrainMethod
{
    private readonly Func<Task<object?>, object> _adaptResult;
    private readonly PropertyInfo? _result;

    internal GrainMethod(MethodInfo method)
    {
        Method = method;
        Name = method.Name;
        ParameterTypes = method.GetParameters().Select(parameter => parameter.ParameterType).ToArray();
        var returnType = method.ReturnType;
        ResultType = returnType.IsGenericType ? returnType.GetGenericArguments()[0] : null;
        _result = ResultType is null ? null : returnType.GetProperty(nameof(Task<object>.Result));
        _adaptResult = ResultType is null
            ? task => task
            : typeof(GrainMethod)
                .GetMethod(nameof(CastResult), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(ResultType)
                .CreateDelegate<Func<Task<object?>, object>>();
    }

    public string Name { get; }

    public MethodInfo Method { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>The T of <c>Task&lt;T&gt;</c>, or null for a plain <see cref="Task"/>.</summary>
    public Type? ResultType { get; }

    /// <summary>Turns the untyped result of an invoker into the method's declared return type.</summary>
    public object AdaptResult(Task<object?> result) => _adaptResult(result);

    /// <summary>Invokes the method on a grain instance and returns its result boxed.</summary>
    public async Task<object?> InvokeOnAsync(object grain, object?[] arguments)
    {
        var returned = Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null) ?? throw new InvalidOperationException($"{Name} returned null instead of a Task.");
        var task = (Task)returned;
        await task.ConfigureAwait(false);
        return _result?.GetValue(returned);
    }

    private static async Task<T> CastResult<T>(Task<object?> task) => (T)(await task.ConfigureAwait(false))!;
}
