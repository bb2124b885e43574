using System.Diagnostics;
using System.Reflection;
using Experimentation.Assignment;

namespace Experimentation.Tests.Assignment;

/// <summary>
/// A fact about optimized code, skipped when the code under test was built without JIT optimization
/// (Debug): there the JIT neither inlines nor stack-allocates, so allocation counts mean nothing.
/// CI and <c>scripts/test</c> build Release, where these facts run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OptimizedBuildFactAttribute : FactAttribute
{
    public OptimizedBuildFactAttribute()
    {
        if (typeof(Assigner).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
        {
            Skip = "Allocation is measured on optimized builds only: run with -c Release.";
        }
    }
}
