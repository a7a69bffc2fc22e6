using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Cooperation.Gateway.Identity;

/// <summary>
/// RSA keys in PEM files, so tokens stay valid across restarts and every gateway instance signs
/// with the same key. The key id is derived from the public key, so it is stable too and services'
/// cached key sets keep working.
/// </summary>
public static class SigningKeys
{
    public static RsaSecurityKey LoadOrCreate(string path, ILogger logger, string purpose = "token signing")
    {
        if (!File.Exists(path))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            using var created = RSA.Create(3072);
            var pem = created.ExportPkcs8PrivateKeyPem();
            // Owner-only from the first byte: write to a private temporary file, then move it in place.
            var temporary = path + ".tmp";
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, create))
            using (var writer = new StreamWriter(stream))
                writer.Write(pem);
            File.Move(temporary, path);
            logger.LogWarning("Created a new {Purpose} key at {Path}", purpose, path);
        }
        return Load(path);
    }

    public static RsaSecurityKey Load(string path)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) };
    }

    private static string KeyIdOf(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 16).ToArray());
}
