using Grains.Interfaces.Events;

namespace Grains.Events;

/// <summary>The fields both paths know, and what a read has found of them.</summary>
internal static partial class InteractionEventReader
{
    private const int EventIdField = 0;
    private const int UserIdField = 1;
    private const int TypeField = 2;
    private const int TimestampField = 3;
    private const int SessionIdField = 4;
    private const int ItemIdField = 5;
    private const int CategoryField = 6;
    private const int ValueField = 7;
    private const int DeviceField = 8;
    private const int LocationField = 9;
    private const int PropertiesField = 10;
    private const int RequiredFields = (1 << EventIdField) | (1 << UserIdField) | (1 << TypeField) | (1 << TimestampField);

    private static int FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("type"u8) => TypeField,
        5 when name.SequenceEqual("value"u8) => ValueField,
        6 when name.SequenceEqual("itemId"u8) => ItemIdField,
        6 when name.SequenceEqual("userId"u8) => UserIdField,
        6 when name.SequenceEqual("device"u8) => DeviceField,
        7 when name.SequenceEqual("eventId"u8) => EventIdField,
        8 when name.SequenceEqual("category"u8) => CategoryField,
        8 when name.SequenceEqual("location"u8) => LocationField,
        9 when name.SequenceEqual("timestamp"u8) => TimestampField,
        9 when name.SequenceEqual("sessionId"u8) => SessionIdField,
        10 when name.SequenceEqual("properties"u8) => PropertiesField,
        _ => -1,
    };

    /// <summary>What a read has found so far, each field at most once.</summary>
    private struct Fields
    {
        public string? EventId;
        public string? UserId;
        public string? Type;
        public DateTimeOffset Timestamp;
        public string? SessionId;
        public string? ItemId;
        public string? Category;
        public double? Value;
        public string? Device;
        public string? Location;
        public Dictionary<string, string>? Properties;
        private int _seen;

        /// <summary>False when <paramref name="field"/> is unknown (negative) or was read before.</summary>
        public bool TryMark(int field)
        {
            if (field < 0 || (_seen & (1 << field)) != 0)
            {
                return false;
            }

            _seen |= 1 << field;
            return true;
        }

        /// <summary>The event, or null when a required field is missing (the serializer then reports it).</summary>
        public readonly InteractionEvent? ToEvent() => (_seen & RequiredFields) != RequiredFields ? null : new InteractionEvent
        {
            EventId = EventId!,
            UserId = UserId!,
            Type = Type!,
            Timestamp = Timestamp,
            SessionId = SessionId,
            ItemId = ItemId,
            Category = Category,
            Value = Value,
            Device = Device,
            Location = Location,
            Properties = Properties,
        };
    }
}
