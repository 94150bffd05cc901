import JobQueue

/// What every cycle job handler does first.
enum CycleJobHandling {
    /// The job's arguments; malformed ones fail permanently (a retry cannot fix them), as does a
    /// job whose tenant column disagrees with its arguments.
    static func arguments(_ job: Job) throws -> CycleJobArguments {
        let args: CycleJobArguments
        do {
            args = try job.decodeArgs(CycleJobArguments.self)
        } catch {
            throw PermanentJobError("invalid \(job.kind) arguments: \(error)")
        }
        if let tenant = job.tenantID, tenant != args.tenantID {
            throw PermanentJobError("\(job.kind): arguments name another tenant than the job")
        }
        return args
    }
}
