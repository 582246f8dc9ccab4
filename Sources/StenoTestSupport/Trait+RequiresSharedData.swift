import Foundation
import Testing

extension Trait where Self == ConditionTrait {
    /// Enables a test only where the shared data is present (always on CI, where its absence fails the test).
    public static var requiresSharedData: Self {
        .enabled(if: SharedData.shouldRun, Comment(rawValue: SharedData.skipMessage))
    }
}
