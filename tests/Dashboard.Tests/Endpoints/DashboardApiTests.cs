using System.Net;
using System.Net.Http.Json;
using Dashboard.Cluster;
using Dashboard.Experiments;
using Dashboard.History;
using Dashboard.Tests.Hosting;

namespace Dashboard.Tests.Endpoints;

/// <summary>The dashboard's HTTP surface on a real silo with keys configured (cluster mode).</summary>
[Collection(DashboardGroup.Name)]
public sealed class DashboardApiTests(DashboardFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Silo.Address };

    [Fact]
    public async Task Cluster_WithoutKey_AnswersUnauthorizedProblem()
    {
        using var response = await _http.GetAsync("/dashboard/api/cluster");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cluster_ServiceKey_AnswersForbidden()
    {
        using var response = await SendAsync("/dashboard/api/cluster", fixture.ServiceKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Cluster_AdminKey_ReportsThisSiloOwningEveryPartition()
    {
        using var response = await SendAsync("/dashboard/api/cluster", fixture.AdminKey);
        response.EnsureSuccessStatusCode();
        var report = await response.Content.ReadFromJsonAsync(DashboardJsonContext.Default.ClusterReport);

        var self = Assert.Single(report!.Silos, s => s.IsSelf);
        Assert.Equal(fixture.Silo.Runtime.Identity!.SiloId, self.SiloId);
        Assert.Equal("cluster", report.Mode);
        Assert.True(self.Ready);
        Assert.NotNull(self.WorkingSetBytes);
        Assert.Equal(fixture.Silo.Runtime.PartitionCount, report.Partitions.Count);
        Assert.All(report.Partitions, p => Assert.Equal(self.SiloId, p.OwnerSiloId));
        Assert.All(report.Partitions, p => Assert.NotNull(p.Lag));
    }

    [Fact]
    public async Task Cluster_BearerAdminKey_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/self");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.AdminKey);
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task History_SinceLastSequence_ReturnsOnlyNewerSamples()
    {
        var first = await GetAsync("/dashboard/api/history", DashboardJsonContext.Default.HistoryReport);
        var since = first.LatestSequence;
        await TestInfrastructure.Eventually.TrueAsync(() => fixture.Silo.Get<DashboardHistory>().Latest!.Sequence > since, DashboardSilo.Patience, "a newer sample");

        var next = await GetAsync($"/dashboard/api/history?since={since}", DashboardJsonContext.Default.HistoryReport);

        Assert.NotEmpty(next.Samples);
        Assert.All(next.Samples, s => Assert.True(s.Sequence > since));
        Assert.Equal(0.25, next.IntervalSeconds);
        Assert.Equal(3600, next.WindowSeconds);
    }

    [Fact]
    public async Task Experiment_Seeded_ResultsCountEveryExposure()
    {
        var list = await GetAsync("/dashboard/api/experiments", DashboardJsonContext.Default.ListExperimentSummary);
        var detail = await GetAsync($"/dashboard/api/experiments/{DashboardFixture.ExperimentId}", DashboardJsonContext.Default.ExperimentDetail);

        var summary = Assert.Single(list, e => e.Id == DashboardFixture.ExperimentId);
        Assert.Equal(DashboardFixture.SeededUsers, summary.Exposures);
        Assert.Equal(DashboardFixture.SeededUsers, detail.Results.Variants.Sum(v => v.Exposures));
        Assert.Equal(["control", "green"], detail.Results.Variants.Select(v => v.Name));
        Assert.NotNull(detail.Results.Srm);
        Assert.Equal(DashboardFixture.ExperimentId, detail.Definition!.Id);
    }

    [Fact]
    public async Task Experiment_Unknown_AnswersNotFound()
    {
        using var response = await SendAsync("/dashboard/api/experiments/never-defined", fixture.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task User_InvalidId_AnswersBadRequest()
    {
        using var response = await SendAsync("/dashboard/api/users/not%20valid", fixture.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Page_WithoutSlash_RedirectsAndServesPageWithContentSecurityPolicy()
    {
        using var redirect = await _http.GetAsync("/dashboard");
        using var page = await _http.GetAsync("/dashboard/");
        using var script = await _http.GetAsync("/dashboard/assets/js/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, redirect.StatusCode);
        Assert.Equal("/dashboard/", redirect.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Asset_SameETag_AnswersNotModified()
    {
        using var first = await _http.GetAsync("/dashboard/assets/dashboard.css");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/assets/dashboard.css");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key);
        return await _http.SendAsync(request);
    }

    private async Task<T> GetAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var response = await SendAsync(path, fixture.AdminKey);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(type))!;
    }
}
