namespace Experimentation.Tests;

public sealed class ProjectSmokeTests
{
    [Fact]
    public void Assembly_Loads_HasExperimentationName() =>
        Assert.Equal("Experimentation", typeof(ExperimentationAssembly).Assembly.GetName().Name);
}
