namespace Bff.Stitching;

/// <summary>
/// Checks and reads the value of a fixed credential: inline, from an environment variable (<c>env:NAME</c>) or from a
/// file (<c>file:/path</c>). Messages name the configuration key and where the value was looked for, never the value.
/// </summary>
internal static class CredentialValue
{
    private const string Env = "env:";
    private const string File = "file:";

    /// <summary>Checks the configuration of the credential at <paramref name="key"/>, without reading anything.</summary>
    public static IEnumerable<string> Validate(string key, SourceCredentialOptions credential)
    {
        var inline = !string.IsNullOrEmpty(credential.Value);
        var from = !string.IsNullOrEmpty(credential.ValueFrom);
        if (inline == from)
        {
            yield return inline
                ? $"{key}: set Value or ValueFrom, not both."
                : $"{key}:Value is required (or {key}:ValueFrom: env:NAME or file:/path).";
        }
        else if (from && !IsReference(credential.ValueFrom!))
        {
            yield return $"{key}:ValueFrom: must be 'env:NAME' (an environment variable) or 'file:/path' (a file).";
        }
        else if (inline && credential.Value!.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            yield return $"{key}:Value: must be a single line.";
        }
    }

    /// <summary>Reads the value of a valid credential, or adds why it cannot to <paramref name="errors"/> and returns null.</summary>
    public static string? Read(string key, SourceCredentialOptions credential, ICollection<string> errors)
    {
        if (!string.IsNullOrEmpty(credential.Value) || credential.ValueFrom is not { } from || !IsReference(from))
        {
            return credential.Value;
        }

        string? value;
        if (from.StartsWith(Env, StringComparison.Ordinal))
        {
            var name = from[Env.Length..];
            value = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(value))
            {
                errors.Add($"{key}:ValueFrom: environment variable '{name}' is not set.");
                return null;
            }
        }
        else
        {
            var path = from[File.Length..];
            try
            {
                value = System.IO.File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.Add($"{key}:ValueFrom: cannot read file '{path}' ({ex.GetType().Name}).");
                return null;
            }
        }

        if (value.Length == 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            errors.Add($"{key}:ValueFrom: '{from}' must hold one non-empty line.");
            return null;
        }

        return value;
    }

    private static bool IsReference(string valueFrom) =>
        (valueFrom.StartsWith(Env, StringComparison.Ordinal) && valueFrom.Length > Env.Length)
        || (valueFrom.StartsWith(File, StringComparison.Ordinal) && valueFrom.Length > File.Length);
}
