namespace Api.Endpoints;

/// <summary>
/// The example body of <c>PUT /v1/experiments/{id}</c> in the OpenAPI document. The README shows the same
/// body, and a test sends both, so an example that stops working fails the build.
/// </summary>
public static class ExperimentExamples
{
    /// <summary>An ab test of two button colours, rewarded by purchases, with an error guardrail; the id comes from the path.</summary>
    public const string CheckoutButton = """
        {
          "type": "ab",
          "variants": [
            { "name": "control", "weight": 0.5, "config": { "buttonColor": "blue" } },
            { "name": "green", "weight": 0.5, "config": { "buttonColor": "green" } }
          ],
          "rewardEventType": "purchase",
          "rewardKind": "binary",
          "attributionWindowSeconds": 86400,
          "guardrails": [{ "eventType": "error", "badDirection": "increase" }]
        }
        """;
}
