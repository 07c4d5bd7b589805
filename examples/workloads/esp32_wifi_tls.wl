# esp32 Wi-Fi station with TLS: the day `make run` shows.
#
# A Wi-Fi station on an ESP32 (4 MiB PSRAM) that opens one TLS session:
#   boot       the PSRAM driver adds the SPIRAM window, plain malloc sends
#              requests above 16 KiB there, the start-up stacks join the heap;
#   wifi       the driver's many small internal allocations (24..503 bytes,
#              plain malloc), 10 RX + 6 TX DMA buffers of 1600 bytes, three
#              2 KiB IRAM trampolines (EXEC); a third of the small blocks
#              are the driver's temporary state and are freed again;
#   handshake  a spike of internal RAM: mbedTLS record buffers (16 KiB + 325
#              in, 4 KiB + 325 out, zeroed), 60 certificate-chain pieces,
#              40 big-number scratch blocks; all freed once the session is
#              up, the out buffer shrinks to 1 KiB + 325;
#   app        an HTTP buffer in SPIRAM, JSON parsing in internal RAM, a
#              camera-style frame first in SPIRAM then moved to DMA memory
#              with realloc.
# Expected outcome (tests/sim): every request succeeds; the handshake
# lowers internal free memory by more than 40 KiB and leaves DMA-capable
# memory for the buffers; integrity checks pass.
chip esp32

phase boot
region SPIRAM
extmem 16K
deferred
check
phase wifi
alloc wifi0 189
alloc wifi1 101
alloc wifi2 226
alloc wifi3 357
alloc wifi4 48
alloc wifi5 61
alloc wifi6 444
alloc wifi7 298
alloc wifi8 72
alloc wifi9 211
alloc wifi10 322
alloc wifi11 53
alloc wifi12 489
alloc wifi13 283
alloc wifi14 133
alloc wifi15 43
alloc wifi16 68
alloc wifi17 246
alloc wifi18 238
alloc wifi19 59
alloc wifi20 147
alloc wifi21 70
alloc wifi22 306
alloc wifi23 241
alloc wifi24 54
alloc wifi25 447
alloc wifi26 313
alloc wifi27 87
alloc wifi28 138
alloc wifi29 346
alloc wifi30 345
alloc wifi31 322
alloc wifi32 55
alloc wifi33 319
alloc wifi34 323
alloc wifi35 227
alloc wifi36 49
alloc wifi37 137
alloc wifi38 47
alloc wifi39 309
alloc wifi40 463
alloc wifi41 92
alloc wifi42 172
alloc wifi43 238
alloc wifi44 97
alloc wifi45 300
alloc wifi46 84
alloc wifi47 316
alloc wifi48 181
alloc wifi49 310
alloc wifi50 441
alloc wifi51 373
alloc wifi52 116
alloc wifi53 76
alloc wifi54 321
alloc wifi55 316
alloc wifi56 351
alloc wifi57 120
alloc wifi58 214
alloc wifi59 73
alloc wifi60 304
alloc wifi61 388
alloc wifi62 56
alloc wifi63 312
alloc wifi64 54
alloc wifi65 340
alloc wifi66 129
alloc wifi67 278
alloc wifi68 372
alloc wifi69 296
alloc wifi70 242
alloc wifi71 421
alloc wifi72 184
alloc wifi73 262
alloc wifi74 323
alloc wifi75 496
alloc wifi76 256
alloc wifi77 209
alloc wifi78 177
alloc wifi79 151
alloc wifi80 430
alloc wifi81 116
alloc wifi82 381
alloc wifi83 423
alloc wifi84 148
alloc wifi85 65
alloc wifi86 318
alloc wifi87 177
alloc wifi88 292
alloc wifi89 277
alloc wifi90 472
alloc wifi91 199
alloc wifi92 397
alloc wifi93 253
alloc wifi94 171
alloc wifi95 335
alloc wifi96 61
alloc wifi97 84
alloc wifi98 286
alloc wifi99 238
alloc wifi100 108
alloc wifi101 411
alloc wifi102 199
alloc wifi103 101
alloc wifi104 501
alloc wifi105 274
alloc wifi106 239
alloc wifi107 44
alloc wifi108 366
alloc wifi109 63
alloc wifi110 415
alloc wifi111 309
alloc wifi112 317
alloc wifi113 428
alloc wifi114 472
alloc wifi115 442
alloc wifi116 184
alloc wifi117 198
alloc wifi118 379
alloc wifi119 203
alloc dma_rx0 1600 DMA
alloc dma_rx1 1600 DMA
alloc dma_rx2 1600 DMA
alloc dma_rx3 1600 DMA
alloc dma_rx4 1600 DMA
alloc dma_rx5 1600 DMA
alloc dma_rx6 1600 DMA
alloc dma_rx7 1600 DMA
alloc dma_rx8 1600 DMA
alloc dma_rx9 1600 DMA
alloc dma_tx0 1600 DMA
alloc dma_tx1 1600 DMA
alloc dma_tx2 1600 DMA
alloc dma_tx3 1600 DMA
alloc dma_tx4 1600 DMA
alloc dma_tx5 1600 DMA
alloc iram0 2048 EXEC
alloc iram1 2048 EXEC
alloc iram2 2048 EXEC
free wifi0
free wifi3
free wifi6
free wifi9
free wifi12
free wifi15
free wifi18
free wifi21
free wifi24
free wifi27
free wifi30
free wifi33
free wifi36
free wifi39
free wifi42
free wifi45
free wifi48
free wifi51
free wifi54
free wifi57
free wifi60
free wifi63
free wifi66
free wifi69
free wifi72
free wifi75
free wifi78
free wifi81
free wifi84
free wifi87
free wifi90
free wifi93
free wifi96
free wifi99
free wifi102
free wifi105
free wifi108
free wifi111
free wifi114
free wifi117
check
phase handshake
calloc tls_in 1 16709 INTERNAL|8BIT
calloc tls_out 1 4421 INTERNAL|8BIT
calloc chain0 1 672 INTERNAL|8BIT
calloc chain1 1 572 INTERNAL|8BIT
calloc chain2 1 657 INTERNAL|8BIT
calloc chain3 1 531 INTERNAL|8BIT
calloc chain4 1 134 INTERNAL|8BIT
calloc chain5 1 159 INTERNAL|8BIT
calloc chain6 1 340 INTERNAL|8BIT
calloc chain7 1 549 INTERNAL|8BIT
calloc chain8 1 744 INTERNAL|8BIT
calloc chain9 1 130 INTERNAL|8BIT
calloc chain10 1 126 INTERNAL|8BIT
calloc chain11 1 381 INTERNAL|8BIT
calloc chain12 1 726 INTERNAL|8BIT
calloc chain13 1 655 INTERNAL|8BIT
calloc chain14 1 761 INTERNAL|8BIT
calloc chain15 1 520 INTERNAL|8BIT
calloc chain16 1 355 INTERNAL|8BIT
calloc chain17 1 459 INTERNAL|8BIT
calloc chain18 1 748 INTERNAL|8BIT
calloc chain19 1 419 INTERNAL|8BIT
calloc chain20 1 87 INTERNAL|8BIT
calloc chain21 1 536 INTERNAL|8BIT
calloc chain22 1 427 INTERNAL|8BIT
calloc chain23 1 236 INTERNAL|8BIT
calloc chain24 1 689 INTERNAL|8BIT
calloc chain25 1 183 INTERNAL|8BIT
calloc chain26 1 569 INTERNAL|8BIT
calloc chain27 1 124 INTERNAL|8BIT
calloc chain28 1 287 INTERNAL|8BIT
calloc chain29 1 358 INTERNAL|8BIT
calloc chain30 1 196 INTERNAL|8BIT
calloc chain31 1 317 INTERNAL|8BIT
calloc chain32 1 471 INTERNAL|8BIT
calloc chain33 1 464 INTERNAL|8BIT
calloc chain34 1 572 INTERNAL|8BIT
calloc chain35 1 146 INTERNAL|8BIT
calloc chain36 1 234 INTERNAL|8BIT
calloc chain37 1 523 INTERNAL|8BIT
calloc chain38 1 475 INTERNAL|8BIT
calloc chain39 1 626 INTERNAL|8BIT
calloc chain40 1 348 INTERNAL|8BIT
calloc chain41 1 204 INTERNAL|8BIT
calloc chain42 1 504 INTERNAL|8BIT
calloc chain43 1 627 INTERNAL|8BIT
calloc chain44 1 349 INTERNAL|8BIT
calloc chain45 1 489 INTERNAL|8BIT
calloc chain46 1 431 INTERNAL|8BIT
calloc chain47 1 763 INTERNAL|8BIT
calloc chain48 1 453 INTERNAL|8BIT
calloc chain49 1 300 INTERNAL|8BIT
calloc chain50 1 218 INTERNAL|8BIT
calloc chain51 1 148 INTERNAL|8BIT
calloc chain52 1 244 INTERNAL|8BIT
calloc chain53 1 218 INTERNAL|8BIT
calloc chain54 1 301 INTERNAL|8BIT
calloc chain55 1 738 INTERNAL|8BIT
calloc chain56 1 302 INTERNAL|8BIT
calloc chain57 1 76 INTERNAL|8BIT
calloc chain58 1 560 INTERNAL|8BIT
calloc chain59 1 667 INTERNAL|8BIT
alloc bignum0 221
alloc bignum1 262
alloc bignum2 272
alloc bignum3 130
alloc bignum4 202
alloc bignum5 342
alloc bignum6 401
alloc bignum7 317
alloc bignum8 440
alloc bignum9 417
alloc bignum10 291
alloc bignum11 192
alloc bignum12 481
alloc bignum13 391
alloc bignum14 444
alloc bignum15 463
alloc bignum16 474
alloc bignum17 506
alloc bignum18 155
alloc bignum19 361
alloc bignum20 476
alloc bignum21 414
alloc bignum22 328
alloc bignum23 331
alloc bignum24 332
alloc bignum25 329
alloc bignum26 181
alloc bignum27 374
alloc bignum28 452
alloc bignum29 333
alloc bignum30 159
alloc bignum31 225
alloc bignum32 162
alloc bignum33 234
alloc bignum34 353
alloc bignum35 211
alloc bignum36 184
alloc bignum37 302
alloc bignum38 435
alloc bignum39 154
free bignum0
free bignum1
free bignum2
free bignum3
free bignum4
free bignum5
free bignum6
free bignum7
free bignum8
free bignum9
free bignum10
free bignum11
free bignum12
free bignum13
free bignum14
free bignum15
free bignum16
free bignum17
free bignum18
free bignum19
free bignum20
free bignum21
free bignum22
free bignum23
free bignum24
free bignum25
free bignum26
free bignum27
free bignum28
free bignum29
free bignum30
free bignum31
free bignum32
free bignum33
free bignum34
free bignum35
free bignum36
free bignum37
free bignum38
free bignum39
free chain0
free chain1
free chain2
free chain3
free chain4
free chain5
free chain6
free chain7
free chain8
free chain9
free chain10
free chain11
free chain12
free chain13
free chain14
free chain15
free chain16
free chain17
free chain18
free chain19
free chain20
free chain21
free chain22
free chain23
free chain24
free chain25
free chain26
free chain27
free chain28
free chain29
free chain30
free chain31
free chain32
free chain33
free chain34
free chain35
free chain36
free chain37
free chain38
free chain39
free chain40
free chain41
free chain42
free chain43
free chain44
free chain45
free chain46
free chain47
free chain48
free chain49
free chain50
free chain51
free chain52
free chain53
free chain54
free chain55
free chain56
free chain57
free chain58
free chain59
alloc session 2048
realloc tls_out 1349 INTERNAL|8BIT
check
phase app
alloc http 32K
alloc json 6000 INTERNAL|8BIT
alloc frame 64K SPIRAM
realloc frame 30000 DMA
alloc msg0_0 58
alloc msg1_1 32
alloc msg2_2 177
alloc msg3_3 70
alloc msg4_4 169
alloc msg5_5 57
alloc msg6_6 125
alloc msg7_7 189
alloc msg0_8 38
free msg0_0
alloc msg1_9 50
free msg1_1
alloc msg2_10 85
free msg2_2
alloc msg3_11 189
free msg3_3
alloc msg4_12 128
free msg4_4
alloc msg5_13 70
free msg5_5
alloc msg6_14 194
free msg6_6
alloc msg7_15 96
free msg7_7
alloc msg0_16 120
free msg0_8
alloc msg1_17 186
free msg1_9
alloc msg2_18 125
free msg2_10
alloc msg3_19 153
free msg3_11
alloc msg4_20 63
free msg4_12
alloc msg5_21 61
free msg5_13
alloc msg6_22 156
free msg6_14
alloc msg7_23 151
free msg7_15
alloc msg0_24 154
free msg0_16
alloc msg1_25 155
free msg1_17
alloc msg2_26 111
free msg2_18
alloc msg3_27 53
free msg3_19
alloc msg4_28 68
free msg4_20
alloc msg5_29 58
free msg5_21
alloc msg6_30 223
free msg6_22
alloc msg7_31 119
free msg7_23
alloc msg0_32 221
free msg0_24
alloc msg1_33 99
free msg1_25
alloc msg2_34 154
free msg2_26
alloc msg3_35 209
free msg3_27
alloc msg4_36 73
free msg4_28
alloc msg5_37 164
free msg5_29
alloc msg6_38 37
free msg6_30
alloc msg7_39 84
free msg7_31
alloc msg0_40 167
free msg0_32
alloc msg1_41 124
free msg1_33
alloc msg2_42 69
free msg2_34
alloc msg3_43 208
free msg3_35
alloc msg4_44 171
free msg4_36
alloc msg5_45 38
free msg5_37
alloc msg6_46 226
free msg6_38
alloc msg7_47 167
free msg7_39
alloc msg0_48 108
free msg0_40
alloc msg1_49 196
free msg1_41
alloc msg2_50 55
free msg2_42
alloc msg3_51 210
free msg3_43
alloc msg4_52 98
free msg4_44
alloc msg5_53 164
free msg5_45
alloc msg6_54 125
free msg6_46
alloc msg7_55 74
free msg7_47
alloc msg0_56 123
free msg0_48
alloc msg1_57 229
free msg1_49
alloc msg2_58 89
free msg2_50
alloc msg3_59 168
free msg3_51
alloc msg4_60 170
free msg4_52
alloc msg5_61 231
free msg5_53
alloc msg6_62 160
free msg6_54
alloc msg7_63 116
free msg7_55
alloc msg0_64 194
free msg0_56
alloc msg1_65 89
free msg1_57
alloc msg2_66 188
free msg2_58
alloc msg3_67 226
free msg3_59
alloc msg4_68 81
free msg4_60
alloc msg5_69 93
free msg5_61
alloc msg6_70 134
free msg6_62
alloc msg7_71 221
free msg7_63
alloc msg0_72 90
free msg0_64
alloc msg1_73 83
free msg1_65
alloc msg2_74 164
free msg2_66
alloc msg3_75 158
free msg3_67
alloc msg4_76 123
free msg4_68
alloc msg5_77 219
free msg5_69
alloc msg6_78 39
free msg6_70
alloc msg7_79 39
free msg7_71
alloc msg0_80 103
free msg0_72
alloc msg1_81 152
free msg1_73
alloc msg2_82 98
free msg2_74
alloc msg3_83 81
free msg3_75
alloc msg4_84 209
free msg4_76
alloc msg5_85 186
free msg5_77
alloc msg6_86 120
free msg6_78
alloc msg7_87 146
free msg7_79
alloc msg0_88 217
free msg0_80
alloc msg1_89 121
free msg1_81
alloc msg2_90 125
free msg2_82
alloc msg3_91 52
free msg3_83
alloc msg4_92 88
free msg4_84
alloc msg5_93 58
free msg5_85
alloc msg6_94 90
free msg6_86
alloc msg7_95 152
free msg7_87
alloc msg0_96 82
free msg0_88
alloc msg1_97 118
free msg1_89
alloc msg2_98 84
free msg2_90
alloc msg3_99 155
free msg3_91
alloc msg4_100 191
free msg4_92
alloc msg5_101 188
free msg5_93
alloc msg6_102 32
free msg6_94
alloc msg7_103 154
free msg7_95
alloc msg0_104 199
free msg0_96
alloc msg1_105 120
free msg1_97
alloc msg2_106 196
free msg2_98
alloc msg3_107 53
free msg3_99
alloc msg4_108 201
free msg4_100
alloc msg5_109 62
free msg5_101
alloc msg6_110 131
free msg6_102
alloc msg7_111 214
free msg7_103
alloc msg0_112 224
free msg0_104
alloc msg1_113 83
free msg1_105
alloc msg2_114 154
free msg2_106
alloc msg3_115 77
free msg3_107
alloc msg4_116 143
free msg4_108
alloc msg5_117 194
free msg5_109
alloc msg6_118 117
free msg6_110
alloc msg7_119 54
free msg7_111
alloc msg0_120 216
free msg0_112
alloc msg1_121 133
free msg1_113
alloc msg2_122 150
free msg2_114
alloc msg3_123 134
free msg3_115
alloc msg4_124 222
free msg4_116
alloc msg5_125 53
free msg5_117
alloc msg6_126 217
free msg6_118
alloc msg7_127 72
free msg7_119
alloc msg0_128 75
free msg0_120
alloc msg1_129 64
free msg1_121
alloc msg2_130 39
free msg2_122
alloc msg3_131 70
free msg3_123
alloc msg4_132 183
free msg4_124
alloc msg5_133 151
free msg5_125
alloc msg6_134 199
free msg6_126
alloc msg7_135 69
free msg7_127
alloc msg0_136 188
free msg0_128
alloc msg1_137 184
free msg1_129
alloc msg2_138 153
free msg2_130
alloc msg3_139 200
free msg3_131
alloc msg4_140 121
free msg4_132
alloc msg5_141 71
free msg5_133
alloc msg6_142 172
free msg6_134
alloc msg7_143 172
free msg7_135
alloc msg0_144 65
free msg0_136
alloc msg1_145 37
free msg1_137
alloc msg2_146 35
free msg2_138
alloc msg3_147 217
free msg3_139
alloc msg4_148 198
free msg4_140
alloc msg5_149 58
free msg5_141
alloc msg6_150 166
free msg6_142
alloc msg7_151 223
free msg7_143
alloc msg0_152 67
free msg0_144
alloc msg1_153 143
free msg1_145
alloc msg2_154 81
free msg2_146
alloc msg3_155 86
free msg3_147
alloc msg4_156 39
free msg4_148
alloc msg5_157 96
free msg5_149
alloc msg6_158 86
free msg6_150
alloc msg7_159 106
free msg7_151
alloc msg0_160 160
free msg0_152
alloc msg1_161 93
free msg1_153
alloc msg2_162 227
free msg2_154
alloc msg3_163 182
free msg3_155
alloc msg4_164 115
free msg4_156
alloc msg5_165 98
free msg5_157
alloc msg6_166 171
free msg6_158
alloc msg7_167 139
free msg7_159
alloc msg0_168 65
free msg0_160
alloc msg1_169 47
free msg1_161
alloc msg2_170 221
free msg2_162
alloc msg3_171 122
free msg3_163
alloc msg4_172 149
free msg4_164
alloc msg5_173 201
free msg5_165
alloc msg6_174 181
free msg6_166
alloc msg7_175 164
free msg7_167
alloc msg0_176 139
free msg0_168
alloc msg1_177 160
free msg1_169
alloc msg2_178 65
free msg2_170
alloc msg3_179 168
free msg3_171
alloc msg4_180 70
free msg4_172
alloc msg5_181 166
free msg5_173
alloc msg6_182 162
free msg6_174
alloc msg7_183 36
free msg7_175
alloc msg0_184 144
free msg0_176
alloc msg1_185 230
free msg1_177
alloc msg2_186 78
free msg2_178
alloc msg3_187 187
free msg3_179
alloc msg4_188 33
free msg4_180
alloc msg5_189 230
free msg5_181
alloc msg6_190 70
free msg6_182
alloc msg7_191 76
free msg7_183
alloc msg0_192 68
free msg0_184
alloc msg1_193 153
free msg1_185
alloc msg2_194 190
free msg2_186
alloc msg3_195 217
free msg3_187
alloc msg4_196 62
free msg4_188
alloc msg5_197 174
free msg5_189
alloc msg6_198 47
free msg6_190
alloc msg7_199 115
free msg7_191
check
