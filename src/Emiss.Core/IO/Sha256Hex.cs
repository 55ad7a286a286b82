using System.Security.Cryptography;
using System.Text;

namespace Emiss.Core.IO;

/// <summary>SHA-256 checksums as lower-case hex, the form every manifest, stage record and fingerprint of Emiss uses.</summary>
public static class Sha256Hex
{
    /// <summary>Of the bytes of the file at <paramref name="path"/>.</summary>
    public static string OfFile(string path)
    {
        using FileStream s = File.OpenRead(path);
        return Of(s);
    }

    /// <summary>Of the rest of <paramref name="stream"/>.</summary>
    public static string Of(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    /// <summary>Of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
