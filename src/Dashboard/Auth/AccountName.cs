using System.Text;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// The one form of an account name used for look-up, for the sign-in limits and for duplicate checks: "canbo",
/// "CANBO", " canbo " and a name typed with composed or decomposed Vietnamese letters are the same account.
/// </summary>
public static class AccountName
{
    /// <summary>Longer names are no account's: they are cut here so a limit's key never holds a megabyte.</summary>
    public const int MaxLength = 256;

    public static string Normalize(string? name)
    {
        string trimmed = (name ?? "").Trim();
        if (trimmed.Length > MaxLength)
        {
            trimmed = trimmed[..MaxLength];
        }

        // Compatibility form folds full-width and composed/decomposed letters; a name that is not valid UTF-16
        // (a lone surrogate) cannot be normalised and is kept as sent: it matches no configured account.
        string folded = trimmed.IsNormalized(NormalizationForm.FormKC) ? trimmed
            : TryNormalize(trimmed) ?? trimmed;
        return folded.ToUpperInvariant();
    }

    private static string? TryNormalize(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
