internal import CFFTW
import Foundation
import Synchronization

/// A double-precision real-to-complex FFTW plan of one size, made once and shared.
///
/// FFTW's planner is not thread-safe, so plans are created and destroyed under ``plannerLock``;
/// executing a plan with the new-array API (`fftw_execute_dft_r2c`) on caller-owned buffers is,
/// so one plan serves every thread. Plans use `FFTW_ESTIMATE`: a measured plan may pick a different
/// algorithm on each run, and with it different rounding, which would make features irreproducible.
final class FFTPlan: @unchecked Sendable {
    // @unchecked: the plan pointer is immutable after init and FFTW allows concurrent execution.
    let size: Int
    private let plan: OpaquePointer

    /// Serialises every call into FFTW's planner (creation and destruction of plans).
    private static let plannerLock = NSLock()
    /// One plan per FFT size for the life of the process.
    private static let cache = Mutex<[Int: FFTPlan]>([:])

    /// The shared plan for `size` (a power of two ≥ 2).
    static func shared(size: Int) throws -> FFTPlan {
        try cache.withLock { plans in
            if let plan = plans[size] { return plan }
            let plan = try FFTPlan(size: size)
            plans[size] = plan
            return plan
        }
    }

    private init(size: Int) throws {
        self.size = size
        // The planner needs arrays with the alignment later buffers will have: FFTWorkspace
        // allocates with fftw_malloc, as these scratch arrays are.
        guard let input = fftw_alloc_real(size), let output = fftw_alloc_complex(size / 2 + 1) else {
            throw FeatureError(.invalidOptions, "cannot allocate FFT buffers of \(size) points")
        }
        defer {
            fftw_free(input)
            fftw_free(output)
        }
        let made = Self.plannerLock.withLock {
            fftw_plan_dft_r2c_1d(Int32(size), input, output, UInt32(FFTW_ESTIMATE))
        }
        guard let made else { throw FeatureError(.invalidOptions, "FFTW could not plan a \(size)-point FFT") }
        plan = made
    }

    deinit {
        let plan = plan
        Self.plannerLock.withLock { fftw_destroy_plan(plan) }
    }

    /// Transforms `workspace.input` (size real values) into `workspace.output` (size/2 + 1 bins).
    func execute(_ workspace: FFTWorkspace) {
        precondition(workspace.size == size, "workspace of \(workspace.size) points for a \(size)-point plan")
        fftw_execute_dft_r2c(plan, workspace.input, workspace.output)
    }
}
