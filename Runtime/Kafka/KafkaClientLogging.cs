using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Runtime.Kafka;

/// <summary>Routes librdkafka's own log lines into the host's logging instead of stderr.</summary>
internal static class KafkaClientLogging
{
    public static void Write(ILogger logger, string client, LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
            SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        KafkaLogMessages.Librdkafka(logger, level, client, message.Facility, message.Message);
    }
}
