/*
 * From rapaio-jupyter-kernel 3.0.1 (io.github.padreati, MIT licence; see META-INF/NOTICE-rapaio-jupyter-kernel.txt),
 * changed for Ladder: start() sets the running flag before the thread starts, not after.
 */
package org.rapaio.jupyter.kernel.channels;

/**
 * Thread which runs in loop the loop body after each waiting period.
 */
public final class LoopThread extends Thread {

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        // Set before the thread exists: Thread.start() makes this write visible to run(). Set after,
        // run() could read false first and exit at once, leaving its channel unserved for good.
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
