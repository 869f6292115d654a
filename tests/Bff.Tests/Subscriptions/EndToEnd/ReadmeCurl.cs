using System.Net.Http.Headers;
using System.Text;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Subscriptions.EndToEnd;

/// <summary>
/// A curl command of README.md as an <see cref="HttpRequestMessage"/>: its address, <c>-H</c> headers and <c>-d</c> body
/// (which makes it a POST), read with shell quoting, <c>$TOKEN</c> replaced. Only the flags the README uses are known.
/// </summary>
internal sealed record ReadmeCurl(string Address, IReadOnlyList<string> Flags, IReadOnlyList<(string Name, string Value)> Headers, string? Data)
{
    public static string Readme { get; } = File.ReadAllText(Path.Combine(BuiltProgram.RepoRoot, "README.md"));

    /// <summary>Finds the fenced block under heading <paramref name="heading"/> whose first line starts with <paramref name="start"/>.</summary>
    public static ReadmeCurl Find(string heading, string start, string token)
    {
        var section = Readme[Readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal)..];
        var command = section[section.IndexOf("\n" + start, StringComparison.Ordinal)..];
        command = command[..command.IndexOf("\n```", StringComparison.Ordinal)].Replace("\\\n", " ", StringComparison.Ordinal);
        var words = Words(command.Trim(), token);
        Assert.Equal("curl", words[0]);
        var (flags, headers, address, data) = (new List<string>(), new List<(string, string)>(), (string?)null, (string?)null);
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-H":
                    var header = words[++i];
                    headers.Add((header[..header.IndexOf(':', StringComparison.Ordinal)], header[(header.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()));
                    break;
                case "-d":
                    data = words[++i];
                    break;
                case "-N" or "-s":
                    flags.Add(words[i]);
                    break;
                case var word when word.StartsWith('-'):
                    throw new Xunit.Sdk.XunitException($"README curl uses {word}, which this test does not map: {command}");
                case var word:
                    address = word;
                    break;
            }
        }

        return new ReadmeCurl(address ?? throw new Xunit.Sdk.XunitException("No address in " + command), flags, headers, data);
    }

    /// <summary>The request curl sends (a POST with the body when <c>-d</c> is given), to <paramref name="host"/> instead of the README's address.</summary>
    public HttpRequestMessage ToRequest(Uri host)
    {
        var request = new HttpRequestMessage(Data is null ? HttpMethod.Get : HttpMethod.Post, new Uri(host, new Uri("http://" + Address).PathAndQuery));
        if (Data is not null)
        {
            // curl's own type for -d, unless the README's -H sets another.
            request.Content = new StringContent(Data, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        foreach (var (name, value) in Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else
            {
                Assert.True(request.Headers.TryAddWithoutValidation(name, value));
            }
        }

        return request;
    }

    private static List<string> Words(string command, string token)
    {
        var (words, word, quote) = (new List<string>(), new StringBuilder(), '\0');
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c == '\\' && i + 1 < command.Length)
            {
                word.Append(command[++i]);
            }
            else if (quote == '"' && c == '"' || quote == '\0' && c is '"' or '\'')
            {
                quote = quote == '\0' ? c : '\0';
            }
            else if (c == '$' && command.AsSpan(i).StartsWith("$TOKEN"))
            {
                word.Append(token);
                i += 5;
            }
            else if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        words.Add(word.ToString());
        return words;
    }
}
