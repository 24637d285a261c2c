import * as tf from "@tensorflow/tfjs";

/**
 * The last state of a tanh SimpleRNN, h_T, with a hand-written backpropagation through time.
 *
 * Forward: P = x·W + b for all timesteps in one matMul; then h_t = tanh(P_t + (h_{t−1}⊙m)·U), h_0 = tanh(P_0)
 * (m is the recurrent dropout mask, the same at every step, as in Keras's SimpleRNNCell).
 * Backward: only dz_{t−1} = (dz_t·Uᵀ)⊙(m⊙(1 − h²_{t−1})) runs per step (two kernels); the weight gradients are single
 * matMuls over all steps at the end (dU = Σ (h_{t−1}⊙m)ᵀ·dz_t, dW = xᵀ·dz, db = Σ dz, dx = dz·Wᵀ).
 * tfjs's autodiff of the same loop dispatches about twice as many kernels, many of them copies.
 */
export function simpleRnnLastState(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrent: tf.Tensor2D,
  bias: tf.Tensor1D,
  recurrentMask: tf.Tensor | null
): tf.Tensor2D {
  const [batch, steps, features] = x.shape;
  const units = recurrent.shape[0];
  const run = tf.customGrad(((
    input: tf.Tensor3D,
    w: tf.Tensor2D,
    u: tf.Tensor2D,
    b: tf.Tensor1D,
    save: tf.GradSaveFunc
  ) => {
    const projected = tf.unstack(
      input
        .reshape([batch * steps, features])
        .matMul(w)
        .add(b)
        .reshape([batch, steps, units]),
      1
    );
    const states: tf.Tensor[] = [tf.tanh(projected[0])];
    for (let t = 1; t < steps; ++t) {
      const previous = recurrentMask ? states[t - 1].mul(recurrentMask) : states[t - 1];
      states.push(tf.tanh(projected[t].add(previous.matMul(u))));
    }
    // Everything the backward pass reads must be saved (tfjs frees the forward pass's other tensors first).
    // No stack/unstack/slice here: on wasm those kernels copy through JavaScript and cost more than the math.
    save([input, w, u, ...states, ...(recurrentMask ? [recurrentMask] : [])]);
    return {
      value: states[steps - 1],
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xs, ws, us] = saved;
        const hs = saved.slice(3, 3 + steps);
        const mask = saved[3 + steps] ?? null;
        // Transposes are materialised once: wasm's matMul with a transposed operand is several times slower.
        const uT = us.transpose();
        const one = tf.scalar(1);
        const dz: tf.Tensor[] = new Array(steps);
        dz[steps - 1] = (dy as tf.Tensor).mul(one.sub(hs[steps - 1].square()));
        for (let t = steps - 1; t > 0; --t) {
          const gate = one.sub(hs[t - 1].square()); // tanh' = 1 − h²
          dz[t - 1] = dz[t].matMul(uT).mul(mask ? gate.mul(mask) : gate);
        }
        const dzAll = (steps === 1 ? dz[0].expandDims(1) : tf.stack(dz, 1)).reshape([batch * steps, units]);
        const dx = dzAll.matMul(ws.transpose()).reshape([batch, steps, features]);
        const dw = xs
          .reshape([batch * steps, features])
          .transpose()
          .matMul(dzAll);
        const db = dzAll.sum(0);
        let du: tf.Tensor = tf.zerosLike(us);
        if (steps > 1) {
          // dU = Σ_t (h_{t−1}⊙m)ᵀ·dz_t: all steps in one matMul over the concatenated steps
          const previous = hs.slice(0, steps - 1);
          const masked = tf.concat(mask ? previous.map((h) => h.mul(mask)) : previous, 0);
          du = masked.transpose().matMul(tf.concat(dz.slice(1), 0));
        }
        return [dx, dw, du, db];
      }
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return run(x, kernel, recurrent, bias) as tf.Tensor2D;
}
