internal import CFFTW
import Foundation
import Synchronization

/// FFTW-aligned input and output arrays for one thread's transforms.
final class FFTWorkspace {
    let size: Int
    let input: UnsafeMutablePointer<Double>
    let output: UnsafeMutablePointer<fftw_complex>

    init(size: Int) {
        // Out of memory for a few kilobytes is not recoverable; FFTW returns nil only then.
        guard let input = fftw_alloc_real(size), let output = fftw_alloc_complex(size / 2 + 1) else {
            fatalError("out of memory allocating \(size)-point FFT buffers")
        }
        self.size = size
        self.input = input
        self.output = output
        input.initialize(repeating: 0, count: size)
    }

    deinit {
        fftw_free(input)
        fftw_free(output)
    }

    /// Writes |X[k]|² for k = 0...size/2 into `power`.
    func powerSpectrum(into power: UnsafeMutablePointer<Double>) {
        for bin in 0...(size / 2) {
            let (re, im) = output[bin]
            // Two products and a sum, rounded separately (no fused multiply-add), as Sphinx does.
            power[bin] = re * re + im * im
        }
    }
}
