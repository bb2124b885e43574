using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Users;

namespace Grains;

/// <summary>
/// <see cref="GrainStateJsonContext"/>'s options without its named floating-point literals, which
/// keep the source generator's fast path off: user state, checkpointed for every active user every
/// second, is written through this one when its numbers are finite (twice as fast for a typical
/// 1 KB state) and read back by <see cref="GrainStateJsonContext"/>. The two must only differ in number handling.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UserState))]
internal sealed partial class GrainStateWriteJsonContext : JsonSerializerContext;
