package dev.pailot.testkit.localpai.internal.server;

import dev.pailot.testkit.localpai.internal.control.ControlPlane;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LocalPai's HTTP/1.1 server: one Netty event loop group (named daemon threads) serving every
 * product, the control plane and data-plane routes on one port. {@code TCP_NODELAY} is set so small
 * answers are not held back by Nagle's algorithm. Thread-safe; {@link #close()} stops the loops.
 */
public final class LocalPaiServer implements AutoCloseable {
  /** Largest request body accepted (EAS service specs are the biggest control-plane bodies). */
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;

  private LocalPaiServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
    this.boss = boss;
    this.workers = workers;
    this.channel = channel;
  }

  /**
   * Binds and starts serving.
   *
   * @param host bind address
   * @param port port, 0 for a free one
   * @param ioThreads event-loop threads
   * @param controlPlane control-plane pipeline
   * @param dataPlane data-plane routes, checked first
   * @return the running server
   * @throws IllegalStateException if the port cannot be bound
   */
  public static LocalPaiServer start(
      String host,
      int port,
      int ioThreads,
      ControlPlane controlPlane,
      List<DataPlaneRoute> dataPlane) {
    EventLoopGroup boss =
        new NioEventLoopGroup(1, new DefaultThreadFactory("localpai-accept", true));
    EventLoopGroup workers =
        new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("localpai-io", true));
    HttpDispatcher dispatcher = new HttpDispatcher(controlPlane, dataPlane);
    try {
      Channel channel =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(ChannelOption.SO_KEEPALIVE, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ChannelPipeline p = ch.pipeline();
                      p.addLast(new HttpServerCodec());
                      p.addLast(new HttpServerExpectContinueHandler());
                      p.addLast(new HttpObjectAggregator(MAX_BODY_BYTES));
                      p.addLast(dispatcher);
                    }
                  })
              .bind(host, port)
              .syncUninterruptibly()
              .channel();
      return new LocalPaiServer(boss, workers, channel);
    } catch (Exception e) {
      // syncUninterruptibly rethrows the bind failure (a checked BindException) unchecked.
      shutdown(boss, workers);
      throw new IllegalStateException("LocalPai cannot listen on " + host + ":" + port, e);
    }
  }

  /**
   * The bound port.
   *
   * @return port
   */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    shutdown(boss, workers);
  }

  private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
