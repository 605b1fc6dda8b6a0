/**
 * The optional new-message sound: a short beep synthesised with WebAudio, so there is no audio file to
 * fetch (and nothing for a site's CSP to allow). A context per beep, closed when it ends. Browsers let
 * it sound once the visitor has interacted with the page, and keep it silent before: fine for a nudge.
 */
export function beep() {
  try {
    const context = new AudioContext()
    const tone = context.createOscillator()
    const gain = context.createGain()
    gain.gain.value = 0.15
    // Fades out (no click at the end).
    gain.gain.setTargetAtTime(0, context.currentTime + 0.05, 0.04)
    tone.connect(gain).connect(context.destination)
    tone.onended = () => context.close()
    tone.start()
    tone.stop(context.currentTime + 0.3)
  } catch {
    // No WebAudio: no sound, and the chat goes on.
  }
}
