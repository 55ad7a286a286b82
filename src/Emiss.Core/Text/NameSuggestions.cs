namespace Emiss.Core.Text;

/// <summary>"Did you mean …?" for misspelt names in run cards and options.</summary>
public static class NameSuggestions
{
    /// <summary>
    /// The candidate with the smallest case-insensitive edit distance, if it is plausibly a typo
    /// (distance ≤ max(2, len/2)) or a prefix match (e.g. 'energy' → 'energyGeV'); otherwise null.
    /// </summary>
    public static string? Closest(string key, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        int bestD = int.MaxValue;
        foreach (string c in candidates)
        {
            int d = c.StartsWith(key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(c, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Levenshtein(key.ToUpperInvariant(), c.ToUpperInvariant());
            if (d < bestD) { bestD = d; best = c; }
        }
        return bestD <= Math.Max(2, key.Length / 2) ? best : null;
    }

    /// <summary>Levenshtein edit distance (insertions, deletions, substitutions).</summary>
    public static int Levenshtein(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
