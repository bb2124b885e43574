using System.Buffers;
using System.Text.Json;

namespace Grains.Events;

/// <summary>
/// A forward-only cursor over the plain subset of JSON that producers write: strings without escapes
/// or control characters, and whitespace only between tokens. Every method either consumes what it
/// was asked for or reports false; on false the caller gives the whole input to a full JSON reader,
/// so this cursor never has to decide what an unusual input means.
/// </summary>
internal ref struct PlainJsonCursor(ReadOnlySpan<byte> json)
{
    // Where a plain string can end: its closing quote, or the start of what only a full reader handles.
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly SearchValues<byte> NumberBytes = SearchValues.Create("0123456789+-.eE"u8);

    private readonly ReadOnlySpan<byte> _json = json;
    private int _at;

    /// <summary>True when nothing but whitespace is left.</summary>
    public bool AtEnd
    {
        get
        {
            SkipWhitespace();
            return _at == _json.Length;
        }
    }

    /// <summary>Consumes <paramref name="token"/> (a structural character) if it comes next.</summary>
    public bool TryTake(byte token)
    {
        SkipWhitespace();
        if (_at < _json.Length && _json[_at] == token)
        {
            _at++;
            return true;
        }

        return false;
    }

    /// <summary>Consumes the literal <c>null</c>; what follows it is checked by the next token's read.</summary>
    public bool TryNull()
    {
        SkipWhitespace();
        if (_json[_at..].StartsWith("null"u8))
        {
            _at += 4;
            return true;
        }

        return false;
    }

    /// <summary>A plain string's UTF-8 content, not yet validated as UTF-8.</summary>
    public bool TryString(out ReadOnlySpan<byte> content)
    {
        if (!TryQuoted(out var quoted))
        {
            content = default;
            return false;
        }

        content = quoted[1..^1];
        return true;
    }

    /// <summary>A plain string with its quotes, for handing to a full reader's typed getters.</summary>
    public bool TryQuoted(out ReadOnlySpan<byte> quoted)
    {
        quoted = default;
        SkipWhitespace();
        if (_at >= _json.Length || _json[_at] != '"')
        {
            return false;
        }

        var length = _json[(_at + 1)..].IndexOfAny(StringStops);
        if (length < 0 || _json[_at + 1 + length] != '"')
        {
            return false;
        }

        quoted = _json.Slice(_at, length + 2);
        _at += length + 2;
        return true;
    }

    /// <summary>
    /// A number, read by <see cref="Utf8JsonReader.TryGetDouble"/> itself so it follows the grammar
    /// and rounding the serializer does. False for anything the reader rejects, non-finite values included.
    /// </summary>
    public bool TryNumber(out double value)
    {
        value = 0;
        SkipWhitespace();
        var rest = _json[_at..];
        var length = rest.IndexOfAnyExcept(NumberBytes);
        var number = length < 0 ? rest : rest[..length];
        if (number.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(number);
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || reader.BytesConsumed != number.Length || !reader.TryGetDouble(out value))
        {
            return false;
        }

        _at += number.Length;
        return true;
    }

    private void SkipWhitespace()
    {
        while (_at < _json.Length && _json[_at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            _at++;
        }
    }
}
