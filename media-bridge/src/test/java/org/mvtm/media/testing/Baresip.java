package org.mvtm.media.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SIP user agent: baresip 1.x dialling a SIP URI, sending a WAV (espeak-ng speech) as PCMU and dumping the
 * audio it decodes to WAV (sndfile module) so the test can measure what it heard.
 */
public final class Baresip implements AutoCloseable {
    private final Process process;
    private final Path dir;

    private Baresip(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Speech as an 8 kHz mono 16-bit WAV, made with espeak-ng and sox. */
    public static Path speechWav(Path dir, String text) throws IOException, InterruptedException {
        Peers.requireExecutable("/usr/bin/espeak-ng", "espeak-ng");
        Peers.requireExecutable("/usr/bin/sox", "sox");
        Path raw = dir.resolve("speech-raw.wav");
        Path wav = dir.resolve("speech8k.wav");
        run(List.of("/usr/bin/espeak-ng", "-w", raw.toString(), text));
        run(List.of("/usr/bin/sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", wav.toString(),
                "repeat", "8"));
        return wav;
    }

    public static Baresip dial(Path dir, Path speech, String uri) throws IOException {
        Peers.requireExecutable("/usr/bin/baresip", "baresip");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config"), String.join("\n",
                "sip_listen 127.0.0.1:0",
                "audio_source aufile," + speech,
                "audio_player aubridge,nowhere",
                "audio_alert aubridge,nowhere",
                "audio_srate 8000",
                "audio_channels 1",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module sndfile.so",
                "module account.so",
                "module_app menu.so",
                "snd_path " + dir,
                ""));
        Files.writeString(dir.resolve("accounts"), "<sip:customer@127.0.0.1>;regint=0;audio_codecs=PCMU\n");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/baresip", "-4", "-n", "127.0.0.1", "-f", dir.toString(),
                "-e", "/dial " + uri, "-t", "120");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("baresip.log").toFile());
        return new Baresip(pb.start(), dir);
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("baresip.log"));
    }

    /**
     * RMS (int16 scale) of the loudest 20 ms window of the audio baresip decoded from the relay (sndfile's *dec*
     * dump); the window maximum does not depend on how long the call was silent before the browser joined.
     */
    public double heardPeakRms() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path dec = files.filter(f -> f.getFileName().toString().contains("dec")
                    && f.getFileName().toString().endsWith(".wav")).findFirst()
                    .orElseThrow(() -> new AssertionError("baresip wrote no decoded-audio dump in " + dir));
            byte[] b = Files.readAllBytes(dec);
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            int window = 160; // 20 ms at 8 kHz
            double best = 0;
            for (int start = 44; start + 2 * window <= b.length; start += 2 * window) {
                double sum = 0;
                for (int i = 0; i < window; i++) {
                    double s = bb.getShort(start + 2 * i);
                    sum += s * s;
                }
                best = Math.max(best, Math.sqrt(sum / window));
            }
            return best;
        }
    }

    /** Ends baresip with SIGTERM (it hangs up and closes its dumps) and waits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(cmd + " failed: " + out);
        }
    }
}
