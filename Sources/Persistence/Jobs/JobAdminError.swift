import JobQueue

/// Why a job admin action was refused.
public enum JobAdminError: Error, Sendable, Equatable {
    /// No such job in the tenant (another tenant's job is reported the same way).
    case notFound
    /// The job's state does not allow the action (`JobQueue.cancellableStates`, `retriableStates`).
    case invalidState(JobState)
    /// Retrying would make two pending jobs with one unique key: another is waiting already.
    case uniqueKeyTaken
}
