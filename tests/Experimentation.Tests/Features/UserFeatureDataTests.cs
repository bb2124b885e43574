using System.Text.Json;
using Experimentation.Features;
using static Experimentation.Tests.Features.FeatureTestData;

namespace Experimentation.Tests.Features;

public sealed class UserFeatureDataTests
{
    private static readonly string[] Types = ["view", "click", "like", "add_to_cart", "purchase"];

    [Fact]
    public void FromData_AfterJsonRoundTrip_GivesIdenticalView()
    {
        var model = TypicalUser();
        var now = T0.AddHours(3);

        var restored = RoundTrip(model);

        Assert.Equal(Json(model.View(now)), Json(restored.View(now)));
        Assert.Equal(Json(model.View(now.AddHours(20))), Json(restored.View(now.AddHours(20))));
    }

    [Fact]
    public void FromData_ThenMoreEvents_StaysIdenticalToOriginal()
    {
        var model = TypicalUser();
        var restored = RoundTrip(model);
        var now = T0.AddHours(3);

        foreach (var target in new[] { model, restored })
        {
            target.ApplyLive(Event("click", now, session: "s2", item: "fresh", category: "c1"));
            target.Apply(Event("view", now.AddMinutes(-40), item: "item-3", category: "c9"), now);
        }

        Assert.Equal(Json(model.View(now)), Json(restored.View(now)));
    }

    [Fact]
    public void ToData_TypicalUser_SerializesUnder2KB()
    {
        var json = JsonSerializer.Serialize(TypicalUser().ToData(), FeatureJsonContext.Default.UserFeatureData);

        Assert.True(json.Length < 2048, $"{json.Length} bytes: {json}");
    }

    [Fact]
    public void ToData_BusiestUser_StaysUnder8KB()
    {
        // Every counter slot of every type, every category and every recent item in use.
        var model = Model();
        for (var i = 0; i < 24 * 60 * 6; i++)
        {
            var at = T0.AddSeconds(i * 10);
            model.ApplyLive(Event($"type{i % 16}", at, $"session-{i / 200}", $"item-{i % 500:D5}-abcdefgh", $"category-{i % 40}"));
        }

        var json = JsonSerializer.Serialize(model.ToData(), FeatureJsonContext.Default.UserFeatureData);

        Assert.Equal(16, model.ToData().Types.Length);
        Assert.True(json.Length < 8 * 1024, $"{json.Length} bytes");
    }

    [Fact]
    public void FromData_EmptyModel_RoundTripsToEmptyView()
    {
        var restored = RoundTrip(Model());

        var view = restored.View(T0);
        Assert.Equal(0, view.TotalEvents);
        Assert.Null(view.Session);
        Assert.Null(view.LastEventAt);
        Assert.True(restored.IsExpired(T0));
    }

    [Fact]
    public void FromData_UnknownVersion_Throws()
    {
        var data = Model().ToData();
        data.Version = 99;

        var error = Assert.Throws<ArgumentException>(() => UserFeatureModel.FromData(data, new UserFeatureOptions()));
        Assert.Contains("v is 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromData_MismatchedCategoryArrays_Throws()
    {
        var data = TypicalUser().ToData();
        data.CategoryScores = data.CategoryScores[1..];

        Assert.Throws<ArgumentException>(() => UserFeatureModel.FromData(data, new UserFeatureOptions()));
    }

    /// <summary>Five event types, ten categories, twelve items (one per session, one in none) and two sessions over three hours.</summary>
    private static UserFeatureModel TypicalUser()
    {
        var model = Model();
        for (var i = 0; i < 60; i++)
        {
            var at = T0.AddMinutes(i * 3).AddSeconds(i * 7 % 60).AddMilliseconds(i * 37);
            var session = i < 30 ? "3f2504e0-4f89-11d3-9a0c-0305e82c3301" : i < 45 ? "9b2c7f10-2d4e-4a7b-8c1d-5e6f7a8b9c0d" : null;
            var item = i == 0 ? "first-item" : $"item-{i % 10}";
            model.ApplyLive(Event(Types[i % Types.Length], at, session, item, $"c{i % 10}", i % 7 == 0 ? 19.99 : null));
        }

        // Too late for the session, so its item has no session id.
        model.Apply(Event("view", T0.AddHours(2), item: "late-item"), T0.AddHours(3));

        return model;
    }

    private static UserFeatureModel RoundTrip(UserFeatureModel model)
    {
        var json = JsonSerializer.Serialize(model.ToData(), FeatureJsonContext.Default.UserFeatureData);
        var data = JsonSerializer.Deserialize(json, FeatureJsonContext.Default.UserFeatureData)!;
        return UserFeatureModel.FromData(data, new UserFeatureOptions());
    }

    private static string Json(UserFeatureView view) => JsonSerializer.Serialize(view, FeatureJsonContext.Default.UserFeatureView);
}
