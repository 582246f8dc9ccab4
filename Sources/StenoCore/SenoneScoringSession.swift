/// Per-utterance scoring state. Not shared between threads.
public protocol SenoneScoringSession: AnyObject {
    /// Scores `senones` on `frame` of `features`, writing each scored senone's score to
    /// `scores[senone]` (`scores.count == senoneCount`). Scores are integer log-likelihoods in the
    /// model's units, normalised so that the best scored senone is 0 and the others are negative.
    /// Senones not asked for may be left as they were.
    func score(frame: Int, of features: FeatureMatrix, senones: SenoneSet, into scores: inout [Int32])

    /// Starts another pass over the same utterance: the next frames asked for are evaluated afresh
    /// from frame 0, while the scorer's cross-frame history carries on (pocketsphinx's second,
    /// "fwdflat", pass does exactly this). A session's frames are otherwise evaluated once, the
    /// first time a frame beyond the last evaluated one is asked for; asking again for a recent
    /// frame reuses its evaluation (the Sphinx scorer keeps 7 frames).
    func rewind()
}
