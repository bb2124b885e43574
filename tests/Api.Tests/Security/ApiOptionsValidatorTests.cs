using Api.Security;

namespace Api.Tests.Security;

public sealed class ApiOptionsValidatorTests
{
    [Fact]
    public void Failures_NoKeys_IsValid()
    {
        Assert.Empty(ApiOptionsValidator.Failures(new ApiOptions()));
    }

    [Fact]
    public void Failures_ServiceAndAdminKeys_IsValid()
    {
        Assert.Empty(ApiOptionsValidator.Failures(Options(("svc", "service-key-0123456789", "service"), ("ops", "admin-key-0123456789ab", "admin"))));
    }

    [Fact]
    public void Failures_ShortKey_NamesTheKeyWithoutShowingIt()
    {
        var failure = Assert.Single(ApiOptionsValidator.Failures(Options(("ops", "short", "admin"))));

        Assert.Contains("Api:Keys:ops:Key", failure, StringComparison.Ordinal);
        Assert.Contains("16", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("short", failure.Replace("characters", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_UnknownRole_NamesRoleValueAndChoices()
    {
        var failures = ApiOptionsValidator.Failures(Options(("ops", "admin-key-0123456789ab", "admin"), ("svc", "service-key-0123456789", "reader")));

        var failure = Assert.Single(failures);
        Assert.Contains("Api:Keys:svc:Role is 'reader'", failure, StringComparison.Ordinal);
        Assert.Contains("service, admin", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_SameKeyTwice_NamesBoth()
    {
        var failure = Assert.Single(ApiOptionsValidator.Failures(Options(("a", "same-key-0123456789ab", "admin"), ("b", "same-key-0123456789ab", "service"))));

        Assert.Contains("a and b", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_NoAdminKey_SaysSilosNeedOne()
    {
        var failure = Assert.Single(ApiOptionsValidator.Failures(Options(("svc", "service-key-0123456789", "service"))));

        Assert.Contains("admin", failure, StringComparison.Ordinal);
        Assert.Contains("/_grains", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_BodyLimitOutOfRange_NamesTheSetting()
    {
        var failure = Assert.Single(ApiOptionsValidator.Failures(new ApiOptions { MaxRequestBodyBytes = 10 }));

        Assert.StartsWith("Api:MaxRequestBodyBytes is 10", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalKey_TwoAdminKeys_IsTheFirstByName()
    {
        var options = Options(("zeta", "zeta-key-0123456789abc", "admin"), ("alpha", "alpha-key-0123456789ab", "admin"));

        Assert.Equal("alpha-key-0123456789ab", options.InternalKey());
    }

    private static ApiOptions Options(params (string Name, string Key, string Role)[] keys)
    {
        var options = new ApiOptions();
        foreach (var (name, key, role) in keys)
        {
            options.Keys[name] = new ApiKeyDefinition { Key = key, Role = role };
        }

        return options;
    }
}
