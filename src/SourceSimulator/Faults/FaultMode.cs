namespace KpiMonitor.SourceSimulator.Faults;

/// <summary>A misbehaviour an endpoint can be switched to; JSON names are the camelCase of these (<c>error500</c>, <c>malformedJson</c>…).</summary>
public enum FaultMode
{
    /// <summary>Wait <c>delayMs</c>, then answer normally.</summary>
    Slow,

    /// <summary>Answer 500 with a JSON error.</summary>
    Error500,

    /// <summary>Never answer; the request ends only when the client gives up (or the simulator stops).</summary>
    Timeout,

    /// <summary>A truncated body that no JSON parser accepts.</summary>
    MalformedJson,

    /// <summary>Every number written as a string ("123", "12.5"): valid, the collector must accept it.</summary>
    NumbersAsStrings,

    /// <summary>Some items (the first, then every seventh) lack a required field, usually the denominator.</summary>
    MissingFields,

    /// <summary>Some items carry an object, an array or a boolean where a number belongs.</summary>
    WrongTypes,

    /// <summary>The answer is padded to about 60 MB (still valid JSON).</summary>
    Oversized,

    /// <summary>The next request with a valid token is answered 401 invalid_token and the token is revoked.</summary>
    ExpiredToken,

    /// <summary>An empty item list, with the correct total.</summary>
    EmptyPage,

    /// <summary>The first item of the answer has a numerator above its denominator.</summary>
    NumerAboveDenominator,
}
