package dev.spout.engine.host;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;

/**
 * The pool of coalesced writes for a host that brings none: heap buffers, whatever the pump asks for. Such a host
 * copies what it is given into buffers of its own (a Servlet container's response buffer, WebFlux's events), so
 * direct memory would gain nothing, and a wrapper's {@code ServletOutputStream.write(ByteBuffer)} left to the Servlet
 * API's default (Spring MVC's is) copies a direct buffer into a new array first, on every write.
 */
final class HeapBuffers extends ByteBufferPool.Wrapper {
    HeapBuffers() {
        super(new ArrayByteBufferPool());
    }

    @Override
    public RetainableByteBuffer.Mutable acquire(int size, boolean direct) {
        return super.acquire(size, false);
    }
}
