/// The job kinds of the evaluation cycle the worker runs (issue 6 items 2–4).
public enum CycleJobKind {
    /// Render and store an evaluation's document, then queue `evaluation.finalised`.
    public static let evaluationDocument = "document.evaluation"
    /// Render and store a keberatan decision's document.
    public static let objectionDecisionDocument = "document.objection-decision"
    /// Tell the employee their evaluation is final, with its document.
    public static let evaluationFinalised = "evaluation.finalised"
    /// Tell the atasan pejabat penilai a keberatan awaits their decision.
    public static let objectionFiled = "objection.filed"
    /// Tell the employee the keberatan was decided.
    public static let objectionDecided = "objection.decided"

    /// The notification kinds (`CycleNotificationHandler`).
    public static let notifications = [evaluationFinalised, objectionFiled, objectionDecided]
}
