using System.Net;
using System.Text.Json;

namespace Api.Tests.Hosting;

/// <summary>Asserts problem+json answers.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts the status and the problem+json type, and returns the parsed body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a 400 whose errors name exactly the given fields (other fields may be named too when <paramref name="exact"/> is false).</summary>
    public static async Task<IReadOnlyList<string>> HasFieldErrorsAsync(HttpResponseMessage response, IEnumerable<string> fields, bool exact = false)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        var named = problem.GetProperty("errors").EnumerateObject().Select(property => property.Name).ToList();
        foreach (var field in fields)
        {
            Assert.Contains(field, named);
        }

        if (exact)
        {
            Assert.Equal(fields.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
        }

        return named;
    }
}
