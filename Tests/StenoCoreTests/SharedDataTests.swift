import Foundation
import Testing
import StenoTestSupport

@Suite("Shared development data")
struct SharedDataTests {
    /// On CI the shared data must be there (tests that use it must never skip); this one test says so
    /// plainly when it is missing, before the many tests that need it fail with file errors.
    @Test("present on CI")
    func presentWhenRequired() {
        if SharedData.isRequired {
            #expect(SharedData.isPresent,
                    "CI is set but the shared development data is missing at \(SharedData.root.path) (set STENO_SHARED_DIR)")
        } else if !SharedData.isPresent {
            print(SharedData.skipMessage)
        }
    }
}
