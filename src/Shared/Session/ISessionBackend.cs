namespace Bff.Session;

/// <summary>Where session records live: Redis (shared by replicas) or this process's memory.</summary>
internal interface ISessionBackend
{
    /// <summary>Gets the record under <paramref name="key"/> and extends its idle lifetime to <paramref name="idle"/> (capped by the absolute one).</summary>
    Task<(bool Ok, SessionRecord? Record)> GetAsync(string key, TimeSpan idle);

    /// <summary>Writes the record for <paramref name="ttl"/>; its subject and provider session id index it for <paramref name="indexTtl"/>.</summary>
    Task<bool> SetAsync(string key, SessionRecord record, TimeSpan ttl, TimeSpan indexTtl);

    /// <summary>Deletes the record.</summary>
    Task<bool> RemoveAsync(string key, SessionRecord record);

    /// <summary>Deletes every record of the subject and/or provider session id; returns how many ended.</summary>
    Task<(bool Ok, int Count)> RemoveAllAsync(string? subject, string? providerSessionId);

    /// <summary>Takes the refresh lock of a session for <paramref name="ttl"/>; false when another holder has it.</summary>
    Task<(bool Ok, bool Taken)> TryLockAsync(string key, string owner, TimeSpan ttl);

    /// <summary>Releases a lock taken by <paramref name="owner"/>.</summary>
    Task ReleaseAsync(string key, string owner);

    /// <summary>Records a one-time id (a logout token's <c>jti</c>); false when it was seen before.</summary>
    Task<(bool Ok, bool First)> MarkOnceAsync(string id, TimeSpan ttl);
}
