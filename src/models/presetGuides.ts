/**
 * Two short paragraphs per preset, in English and Chinese: what the network is and what to watch
 * while it trains. Plain data (no UI), keyed by preset id; presetGuides.test.ts checks every
 * preset has both languages.
 */
export interface PresetGuide {
  en: [string, string];
  zh: [string, string];
}

export const PRESET_GUIDES: Record<string, PresetGuide> = {
  'spiral-mlp': {
    en: [
      'Two interleaved spirals cannot be separated by a straight line. Two hidden layers of 16 ReLU neurons each bend the plane until they can, and Adam adjusts all 354 parameters (weights and biases) from the cross-entropy gradient.',
      'Open “Decision boundary” while it trains: the coloured regions start as a straight split and curl into spirals. Try fewer neurons, or tanh instead of ReLU, and compare how fast the loss falls.',
    ],
    zh: [
      '两条交错的螺旋线无法用一条直线分开。两个各有 16 个 ReLU 神经元的隐藏层把平面逐步“弯折”，直到能够分开；Adam 根据交叉熵的梯度调整全部 354 个参数。',
      '训练时打开“决策边界”：彩色区域一开始只是一条直线分界，随后卷成螺旋形。试试减少神经元，或把 ReLU 换成 tanh，比较损失下降的快慢。',
    ],
  },
  'toy-231': {
    en: [
      'A tiny network that reliably learns XOR: 2 inputs, 3 tanh neurons, 1 sigmoid output, trained with mean squared error. It is small enough to follow every number: forward pass, error, gradient, update.',
      'Press Step to take one gradient-descent step at a time and watch the boundary and each neuron’s own map move. With only 1 hidden neuron it cannot solve XOR; with 2 it sometimes gets stuck.',
    ],
    zh: [
      '能可靠学会异或（XOR）的小网络：2 个输入、3 个 tanh 神经元、1 个 sigmoid 输出，用均方误差（MSE）训练。它小到可以追踪每一个数：前向传播、误差、梯度、更新。',
      '按“单步”每次只做一步梯度下降，观察决策边界和每个神经元各自的响应图如何移动。只有 1 个隐藏神经元时学不会 XOR；2 个时有时会卡住。',
    ],
  },
  'mnist-mlp': {
    en: [
      'The classic first network for handwritten digits: each 28×28 image is flattened to 784 numbers, then two hidden layers of 64 ReLU units and a softmax over the 10 digits, trained with Adam and cross-entropy.',
      'It passes 95 % test accuracy within a few epochs. Draw a digit in “Activations” to see its answer, and open the confusion matrix to find which digits it mixes up (often 4 and 9, 3 and 5).',
    ],
    zh: [
      '手写数字识别的经典入门网络：每张 28×28 的图片展平成 784 个数，经过两个 64 单元的 ReLU 隐藏层，再用 softmax 在 10 个数字中分类；用 Adam 和交叉熵训练。',
      '几个轮次内测试准确率就能超过 95%。在“激活值”里手写一个数字看它的预测，再打开混淆矩阵，看看它最容易混淆哪些数字（常见的是 4 和 9、3 和 5）。',
    ],
  },
  'mnist-cnn': {
    en: [
      'The classic convolutional network for MNIST: 32 then 64 filters of 3×3 scan the image for strokes and shapes, max pooling halves the resolution, and dense layers of 128 and 10 units decide. It learns with SGD and momentum 0.9.',
      'Convolution shares each filter across the whole image, so it needs far fewer weights per feature than a dense layer. Look at the first layer’s filters under “Weights and gradients” and at the feature maps in “Activations”.',
    ],
    zh: [
      '经典的 MNIST 卷积神经网络：先用 32 个、再用 64 个 3×3 卷积核扫描图像中的笔画和形状，最大池化把分辨率减半，最后由 128 和 10 个单元的全连接层做出判断。优化器是带 0.9 动量的 SGD。',
      '卷积让同一个卷积核在整张图上共享，因此每个特征所需的参数比全连接层少得多。在“权重与梯度”中查看第一层的卷积核，在“激活值”中查看特征图。',
    ],
  },
  'reverse-transformer': {
    en: [
      'A transformer encoder block learns to reverse a sequence of 8 symbols: embedding, learned position vectors, multi-head self-attention softmax(QKᵀ/√d_k)V, and a feed-forward layer, with residual connections and layer normalisation.',
      'Open “Attention maps”: as accuracy rises, a head’s map turns into an anti-diagonal — position t looks at position 7 − t, exactly the rule of reversal. Remove the positional embedding and see it fail.',
    ],
    zh: [
      '一个 Transformer 编码器块学习把 8 个符号的序列倒过来：词嵌入、可学习的位置向量、多头自注意力 softmax(QKᵀ/√d_k)V 和前馈层，并带有残差连接与层归一化。',
      '打开“注意力图”：随着准确率上升，某个注意力头的图会变成一条反对角线——第 t 个位置关注第 7 − t 个位置，正是“倒序”的规则。去掉位置编码，看看它学不会。',
    ],
  },
  'reverse-lstm': {
    en: [
      'The same reversal task for a recurrent network: an LSTM reads the symbols left to right, keeps what it has seen in its cell state, and answers at every position as it goes.',
      'That is its handicap here: at the first position it must name the last symbol, which it has not read yet. It learns the second half of every answer and can only guess the first, so it levels off near 55 % accuracy, while the transformer, which sees the whole sequence at once, reaches 100 %. Switch the dataset to “Sequence copying” and the same LSTM gets everything right.',
    ],
    zh: [
      '同样的倒序任务，换成循环神经网络：LSTM 从左到右逐个读入符号，把读过的内容保存在细胞状态中，边读边在每个位置给出答案。',
      '这正是它在这里的短板：在第一个位置它就要说出最后一个符号，而那个符号它还没读到。它学会了每个答案的后半部分，前半部分只能猜，所以准确率停在 55% 左右；而一次看到整个序列的 Transformer 能达到 100%。把数据集换成“序列复制”，同一个 LSTM 就能全部答对。',
    ],
  },
  'sine-regression': {
    en: [
      'Regression instead of classification: two tanh layers of 32 units fit a noisy sine curve, and the last layer is linear so it can output any number. The loss is mean squared error.',
      'Open “Fitted curve” to watch the line bend onto the points. With too many epochs and few points it starts to follow the noise: that is overfitting, visible as a validation loss that rises again.',
    ],
    zh: [
      '这是回归而不是分类：两个 32 单元的 tanh 层拟合一条带噪声的正弦曲线，最后一层是线性的，因此可以输出任意实数。损失函数是均方误差。',
      '打开“拟合曲线”，看直线如何弯曲并贴近数据点。点少而轮次多时，它会开始拟合噪声——这就是过拟合，表现为验证集损失先降后升。',
    ],
  },
  'iris-mlp': {
    en: [
      'A real table: 150 iris flowers, 4 measurements each, 3 species. The inputs are standardised, one hidden layer of 16 ReLU units is enough, and a softmax gives each species’ probability.',
      'Browse the data to see the measurements in centimetres. The confusion matrix shows that setosa is easy and the other two overlap a little; precision, recall and F1 are listed per class.',
    ],
    zh: [
      '一张真实的表格：150 朵鸢尾花，每朵 4 个测量值，分属 3 个品种。输入经过标准化，一个 16 单元的 ReLU 隐藏层就足够，softmax 给出每个品种的概率。',
      '浏览数据可以看到以厘米为单位的原始测量值。混淆矩阵显示山鸢尾很容易区分，另外两种略有重叠；每个类别的精确率、召回率和 F1 都列在表中。',
    ],
  },
  'sentiment-embedding': {
    en: [
      'A classic text classifier: each word becomes a learned 16-number vector (Embedding), the vectors of a sentence are averaged (GlobalAveragePooling1D), and two dense layers decide positive or negative.',
      'Averaging ignores word order, yet it works well on short reviews. Type your own sentence in “Activations” and see its score; the dataset browser shows how each word became an id.',
    ],
    zh: [
      '经典的文本分类器：每个词变成一个可学习的 16 维向量（Embedding），一句话中所有词向量取平均（GlobalAveragePooling1D），再由两个全连接层判断正面还是负面。',
      '取平均会丢掉词序，但对短评论效果很好。在“激活值”里输入你自己的句子看看得分；数据浏览器展示了每个词是如何变成编号的。',
    ],
  },
  'sentiment-lstm': {
    en: [
      'The same reviews read in order: an LSTM goes through the words one at a time and its last state summarises the sentence for a sigmoid output. Unlike averaging, it sees word order: it can tell “good, not bad” from “bad, not good”.',
      'It trains more slowly than the averaging classifier and overfits sooner on 3,000 sentences: watch the gap between training and validation accuracy, and try dropout or a smaller LSTM.',
    ],
    zh: [
      '同样的评论，这次按顺序阅读：LSTM 逐词读入，用最后的状态概括整句话，再交给 sigmoid 输出。与取平均不同，它能看到词序：能区分“好，不差”和“差，不好”。',
      '它比取平均的分类器训练得慢，而且在 3000 句数据上更早出现过拟合：留意训练准确率与验证准确率之间的差距，试试 Dropout 或更小的 LSTM。',
    ],
  },
  'char-lstm': {
    en: [
      'A character-level language model: an LSTM reads 64 characters of Pride and Prejudice and predicts the next character at every position. Text is generated by sampling one character at a time.',
      'Open “Generated text”: at first it writes noise, then spaces and common letters, then English-looking words and punctuation. The loss is cross-entropy over 76 classes: the 75 characters of the novel plus “unknown”.',
    ],
    zh: [
      '字符级语言模型：LSTM 读入《傲慢与偏见》中的 64 个字符，在每个位置预测下一个字符。生成文本时每次按概率抽取一个字符。',
      '打开“生成的文本”：一开始是乱码，然后出现空格和常见字母，再往后是像英语的单词和标点。损失是在 76 个类别上的交叉熵：小说中的 75 种字符，加上“未知”。',
    ],
  },
};
