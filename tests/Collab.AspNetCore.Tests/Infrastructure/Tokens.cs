using System.Buffers.Text;
using System.Security.Cryptography;

namespace Collab.AspNetCore.Tests;

/// <summary>Link tokens as an attacker makes them: well-formed (a 16-byte link id and a 32-byte secret, base64url) but unknown, or a real one with its secret changed.</summary>
public static class Tokens
{
    private const int Bytes = 16 + 32;

    public static string Unknown() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The real link id with another secret: the same length, the same id, the wrong secret.</summary>
    public static string Wrong(string token)
    {
        var bytes = Base64Url.DecodeFromChars(token);
        RandomNumberGenerator.Fill(bytes.AsSpan(16));
        return Base64Url.EncodeToString(bytes);
    }
}
